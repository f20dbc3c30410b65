//! Qualifier and claim words on arbitrary text: no panic.
#![no_main]

use bilateral::{ClaimWords, Qualifier};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Qualifier::from_words(text);
    let _ = ClaimWords::parse(text);
});
