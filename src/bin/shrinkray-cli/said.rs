//! The engine's errors in the user's language inside anyhow's chains: their `Display` is English, for logs and
//! JSON; people read `i18n::errors`' messages.

use shrinkray::engine::{SettingsError, SetupError};
use shrinkray::i18n::errors;

/// An engine result whose error is said in the user's language.
pub(crate) trait Said<T> {
    /// The error as a message in the user's language.
    fn said(self) -> anyhow::Result<T>;
}

impl<T> Said<T> for Result<T, SetupError> {
    fn said(self) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::anyhow!(errors::setup_error(&e)))
    }
}

impl<T> Said<T> for Result<T, SettingsError> {
    fn said(self) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::anyhow!(errors::settings_error(&e)))
    }
}
