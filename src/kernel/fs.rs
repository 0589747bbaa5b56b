//! Files written whole or not at all, readable by the user only (mode 0600 on Unix).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::kernel::error::Result;

/// Creates (or truncates) `path` for writing, private to the user (0600 on Unix) from the start.
pub fn create_private(path: &Path) -> Result<fs::File> {
    let mut o = fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let f = o.open(path)?;
    // A file that already existed keeps its old mode through `open`: set it.
    #[cfg(unix)]
    f.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600))?;
    Ok(f)
}

/// Writes `name` in `dir` through a private temporary file in the same folder, fsynced and
/// renamed over the target; the folder is fsynced too.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    let written = (|| -> Result<()> {
        let mut f = create_private(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, dir.join(name))?;
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// The folder and file name of `path` (a path the user chose).
pub fn split_path(path: &Path) -> Result<(PathBuf, &str)> {
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        crate::kernel::error::Error::invalid("path", "expected the path of a file")
    })?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok((dir.to_path_buf(), name))
}

/// Writes the file at `path` (a path the user chose) atomically and privately, like
/// [`write_atomic`].
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let (dir, name) = split_path(path)?;
    write_atomic(&dir, name, bytes)
}
