//! The period grammar on arbitrary text: no panic, and a period it reads prints as text
//! it reads back as the same period.
#![no_main]

use bilateral::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(period) = Period::parse(text) {
        let printed = period.to_string();
        let again = Period::parse(&printed).expect("a printed period reads back");
        assert_eq!(again, period, "{text:?} printed as {printed:?}");
        let _ = period.previous_year();
    }
});
