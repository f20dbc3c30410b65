//! Each file importer on arbitrary bytes: no panic, and a refused file changes nothing.
#![no_main]

use bilateral::files::{Format, ImportOptions};
use bilateral::Store;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

mod shared;

/// A store with nothing but the reference tables.
static EMPTY: OnceLock<Vec<u8>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let (dir, store_path) = shared::store_file(shared::template(&EMPTY, |_| {}));
    let path = dir.path().join("file");
    std::fs::write(&path, bytes).unwrap();
    let format = match which % 5 {
        0 => Some(Format::Csv),
        1 => Some(Format::Json),
        2 => Some(Format::Sdmx),
        3 => Some(Format::Comtrade),
        _ => None,
    };
    let mut store = Store::open(&store_path).unwrap();
    let before = store.observation_count().unwrap();
    if store
        .import_file(&path, format, &ImportOptions::default())
        .is_err()
    {
        assert_eq!(store.observation_count().unwrap(), before);
    }
});
