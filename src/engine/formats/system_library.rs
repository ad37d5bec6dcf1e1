//! Opening a codec library of the system's at run time (libheif, libjxl): the platform's safe search order,
//! several file names tried in turn, and an error that says what was tried and why each failed.

use std::ffi::{OsStr, OsString};

use libloading::Library;

/// Loads the library `name` (a file name, or a full path a variable named).
///
/// # Safety
/// As [`Library::new`]: the library's initialisers run.
#[cfg(not(windows))]
unsafe fn open(name: &OsStr) -> Result<Library, libloading::Error> {
    // SAFETY: the caller's promise.
    unsafe { Library::new(name) }
}

/// Loads the library `name` from the application's folder or System32 only: the default search also looks in
/// the current folder, where a folder of photos could carry a planted DLL. A full path (from a variable) may
/// load its own codec DLLs from beside it.
///
/// # Safety
/// As [`Library::new`]: the library's initialisers run.
#[cfg(windows)]
unsafe fn open(name: &OsStr) -> Result<Library, libloading::Error> {
    use libloading::os::windows::{self as win, Library as WinLibrary};
    let mut flags = win::LOAD_LIBRARY_SEARCH_APPLICATION_DIR | win::LOAD_LIBRARY_SEARCH_SYSTEM32;
    if std::path::Path::new(name).is_absolute() {
        flags |= win::LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR;
    }
    // SAFETY: the caller's promise.
    unsafe { WinLibrary::load_with_flags(name, flags) }.map(Library::from)
}

/// Opens the first of `names` that loads, or of the path in the variable `variable` alone when it is set.
/// On failure, the reason for each name tried, joined.
///
/// # Safety
/// Every name must be the library it claims to be: its initialisers run.
pub(crate) unsafe fn open_first(variable: &str, names: &[&str]) -> Result<(Library, OsString), String> {
    let names: Vec<OsString> = match std::env::var_os(variable) {
        Some(path) => vec![path],
        None => names.iter().map(Into::into).collect(),
    };
    let mut tried = Vec::new();
    for name in names {
        // SAFETY: the caller's promise.
        match unsafe { open(&name) } {
            Ok(library) => return Ok((library, name)),
            Err(e) => {
                // Windows' loader error says only "LoadLibraryExW failed": add the system's reason and the name.
                let mut why = e.to_string();
                if let Some(source) = std::error::Error::source(&e) {
                    why = format!("{why}: {source}");
                }
                let name = name.to_string_lossy();
                if !why.contains(&*name) {
                    why = format!("{name}: {why}");
                }
                tried.push(why);
            }
        }
    }
    Err(tried.join("; "))
}

/// Declares `Api`: the C functions Shrinkray calls in the library named `$what`, each with its signature, looked
/// up all at once by `Api::new`, which keeps the library loaded for as long as the pointers live.
macro_rules! functions {
    ($what:literal; $($name:ident: fn($($arg:ty),*) $(-> $ret:ty)?;)*) => {
        #[doc = concat!("The ", $what, " functions Shrinkray calls, looked up in the loaded library.")]
        #[allow(non_snake_case)]
        pub(crate) struct Api {
            $(pub $name: unsafe extern "C" fn($($arg),*) $(-> $ret)?,)*
            /// Kept loaded for as long as the pointers above are used: for the rest of the process.
            _library: libloading::Library,
        }

        impl Api {
            /// Looks every function up in `library`.
            ///
            /// # Safety
            #[doc = concat!("`library` must be ", $what, ", whose functions have the signatures written here.")]
            unsafe fn new(library: libloading::Library) -> Result<Api, String> {
                Ok(Api {
                    $($name: unsafe {
                        *library
                            .get::<unsafe extern "C" fn($($arg),*) $(-> $ret)?>(
                                concat!(stringify!($name), "\0").as_bytes(),
                            )
                            .map_err(|e| format!("it has no {}: {e}", stringify!($name)))?
                    },)*
                    _library: library,
                })
            }
        }
    };
}
pub(crate) use functions;
