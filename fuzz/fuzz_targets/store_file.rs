//! Arbitrary bytes opened as a store file: a typed error or a store that reports, never
//! a panic. The bytes are laid over a real store file, so that most inputs get past
//! SQLite's header and reach the library's own checks.
#![no_main]

use std::sync::OnceLock;

use bilateral::Store;
use libfuzzer_sys::fuzz_target;

mod shared;

/// A store file with the built-in dataset.
static DATASET: OnceLock<Vec<u8>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    // The first eight bytes say where the rest is written over the template.
    let Some((at, patch)) = data.split_first_chunk::<8>() else {
        return;
    };
    let mut bytes = shared::template(&DATASET, |store| {
        store.load_dataset("azerbaijan-kazakhstan-2025").unwrap();
    })
    .to_vec();
    let at = (u64::from_le_bytes(*at) % bytes.len() as u64) as usize;
    let end = (at + patch.len()).min(bytes.len());
    bytes[at..end].copy_from_slice(&patch[..end - at]);
    let (_dir, path) = shared::store_file(&bytes);
    if let Ok(store) = Store::open(&path) {
        if let Ok(report) = store.report("AZE", "KAZ") {
            let _ = report.to_html();
        }
        let _ = bilateral::summary(&store);
    }
});
