//! Files written whole or not at all.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::kernel::error::Result;

/// Writes `name` in `dir` through a temporary file in the same folder, fsynced and renamed.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    fs::rename(&tmp, dir.join(name))?;
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// Writes the file at `path` (a path the user chose) atomically, like [`write_atomic`].
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        crate::kernel::error::Error::invalid("path", "expected the path of a file")
    })?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    write_atomic(dir, name, bytes)
}
