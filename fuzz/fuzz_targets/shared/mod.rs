//! What the fuzz targets share: a store file made once per process and copied for
//! each input, because a new store loads the reference tables (every country and its
//! population by year), which would hold each run to a few dozen inputs a second.

use std::path::PathBuf;
use std::sync::OnceLock;

use bilateral::Store;
use tempfile::TempDir;

/// The bytes of a store file made by `fill` on a new store, made once per `slot`.
pub fn template(slot: &'static OnceLock<Vec<u8>>, fill: fn(&mut Store)) -> &'static [u8] {
    slot.get_or_init(|| {
        let dir = scratch();
        let path = dir.path().join("template.db");
        let mut store = Store::open(&path).unwrap();
        fill(&mut store);
        drop(store);
        std::fs::read(&path).unwrap()
    })
}

/// A new store file holding `bytes`, in a folder that goes when the `TempDir` drops.
pub fn store_file(bytes: &[u8]) -> (TempDir, PathBuf) {
    let dir = scratch();
    let path = dir.path().join("store.db");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// A scratch folder, in memory where the machine has one (`/dev/shm`).
pub fn scratch() -> TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
}
