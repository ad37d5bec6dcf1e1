//! The desktop around the app: the file managers' "Resize with Shrinkray" menus, made from the presets, for
//! packages (`packaging/linux/file-manager/`, from the built-ins) and for one user (from theirs). Sits on the
//! engine; knows nothing of the window. On Windows also the app's AppUserModelID, under which its toasts show.

pub mod app_id;
pub mod explorer;
mod install;
mod menus;
#[cfg(windows)]
mod registry;
mod user;

pub use install::{Installed, UserFolders, install, menu_program, remove};
pub use menus::{MARK, MIME_TYPES, MenuFile, SUBMENU, exec_line, ids, menu_files};
pub use user::{install_for_user, installed_for_user, remove_for_user};
