//! Each file importer on arbitrary bytes: no panic, and a refused file changes nothing.
#![no_main]

use bilateral::files::{Format, ImportOptions};
use bilateral::Store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file");
    std::fs::write(&path, bytes).unwrap();
    let format = match which % 5 {
        0 => Some(Format::Csv),
        1 => Some(Format::Json),
        2 => Some(Format::Sdmx),
        3 => Some(Format::Comtrade),
        _ => None,
    };
    let mut store = Store::in_memory().unwrap();
    let before = store.observation_count().unwrap();
    if store
        .import_file(&path, format, &ImportOptions::default())
        .is_err()
    {
        assert_eq!(store.observation_count().unwrap(), before);
    }
});
