//! Windows: the run's progress on the taskbar button through `ITaskbarList3` (green; yellow while paused; red once
//! an image failed), and the notification as a toast (`Windows.UI.Notifications`) under the app's
//! AppUserModelID, registered for the user (`crate::desktop::app_id`); clicking it brings the window forward.

use eframe::egui;
use raw_window_handle::RawWindowHandle;
use windows::Data::Xml::Dom::XmlDocument;
use windows::Foundation::TypedEventHandler;
use windows::UI::Notifications::{ToastNotification, ToastNotificationManager};
use windows::Win32::Foundation::HWND;
use windows::Win32::System::Com::{CLSCTX_INPROC_SERVER, COINIT_APARTMENTTHREADED, CoCreateInstance, CoInitializeEx};
use windows::Win32::UI::Shell::{
    ITaskbarList3, TBPF_ERROR, TBPF_NOPROGRESS, TBPF_NORMAL, TBPF_PAUSED, TBPFLAG, TaskbarList,
};
use windows::core::HSTRING;

use super::{Progress, ProgressState};
use crate::desktop::app_id;

/// The window's handle as a number: a handle into the window manager, not a pointer into this process, so it
/// may cross to the desktop thread.
pub(super) struct Window(isize);

/// The handle of a Win32 window.
pub(super) fn window(raw: RawWindowHandle) -> Option<Window> {
    match raw {
        RawWindowHandle::Win32(w) => Some(Window(w.hwnd.get())),
        _ => None,
    }
}

pub(super) struct Platform {
    ctx: egui::Context,
    window: Option<HWND>,
    /// Made at the first progress, and again after a call failed (Explorer restarted, or the button was not
    /// there yet).
    taskbar: Option<ITaskbarList3>,
    /// The last toast, kept so that its click handler lives while it is on screen.
    toast: Option<ToastNotification>,
    /// The AppUserModelID is registered for the user (once a run of the app is enough).
    registered: bool,
}

impl Platform {
    pub(super) fn new(ctx: egui::Context) -> Self {
        // SAFETY: the first COM call on this thread, which lives as long as the app; a failure leaves COM
        // unusable here and the calls below fail quietly.
        let _ = unsafe { CoInitializeEx(None, COINIT_APARTMENTTHREADED) };
        Self {
            ctx,
            window: None,
            taskbar: None,
            toast: None,
            registered: false,
        }
    }

    pub(super) fn attach(&mut self, window: Window) {
        self.window = Some(HWND(window.0 as *mut _));
    }

    pub(super) fn progress(&mut self, progress: Option<Progress>) {
        let Some(hwnd) = self.window else { return };
        if self.taskbar.is_none() {
            // SAFETY: COM is initialised on this thread (`new`).
            self.taskbar = unsafe { CoCreateInstance::<_, ITaskbarList3>(&TaskbarList, None, CLSCTX_INPROC_SERVER) }
                .ok()
                .filter(|t| unsafe { t.HrInit() }.is_ok());
        }
        let Some(taskbar) = &self.taskbar else { return };
        // SAFETY: `hwnd` is the app's window, which outlives this thread's work (the app ends with it).
        let shown = unsafe {
            match progress {
                // Setting a value turns "no progress" into "normal"; the state then says paused or failing.
                Some(p) => taskbar
                    .SetProgressValue(hwnd, (p.fraction.clamp(0.0, 1.0) * 1000.0) as u64, 1000)
                    .and_then(|()| taskbar.SetProgressState(hwnd, flag(p.state))),
                None => taskbar.SetProgressState(hwnd, TBPF_NOPROGRESS),
            }
        };
        if shown.is_err() {
            self.taskbar = None;
        }
    }

    pub(super) fn notify(&mut self, title: &str, body: &str) {
        // Without its AppUserModelID registered, Windows shows no toast of an unpackaged app; the registration is
        // per user, so a machine-wide install registers at the first notification of each user.
        if !self.registered {
            self.registered = app_id::register_for_user().is_ok();
        }
        if !self.registered {
            return;
        }
        // Where toasts cannot be shown (an old Windows, Wine, a policy), the window's title has said it all.
        self.toast = toast(title, body, &self.ctx).ok();
    }
}

fn flag(state: ProgressState) -> TBPFLAG {
    match state {
        ProgressState::Normal => TBPF_NORMAL,
        ProgressState::Paused => TBPF_PAUSED,
        ProgressState::Failing => TBPF_ERROR,
    }
}

/// Shows a toast saying `title` and `body`; clicking it brings the window forward.
fn toast(title: &str, body: &str, ctx: &egui::Context) -> windows::core::Result<ToastNotification> {
    let xml = XmlDocument::new()?;
    xml.LoadXml(&HSTRING::from(toast_xml(title, body)))?;
    let toast = ToastNotification::CreateToastNotification(&xml)?;
    let ctx = ctx.clone();
    toast.Activated(&TypedEventHandler::new(move |_, _| {
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        ctx.request_repaint();
        Ok(())
    }))?;
    ToastNotificationManager::CreateToastNotifierWithId(&HSTRING::from(app_id::APP_ID))?.Show(&toast)?;
    Ok(toast)
}

/// The toast's content: a title line and a body line.
fn toast_xml(title: &str, body: &str) -> String {
    format!(
        r#"<toast><visual><binding template="ToastGeneric"><text>{}</text><text>{}</text></binding></visual></toast>"#, // not translated: XML
        escape(title),
        escape(body)
    )
}

/// `text` as XML character data (a translation may hold `&` or `<`).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::toast_xml;

    #[test]
    fn a_toast_says_any_text_as_text() {
        let xml = toast_xml("Fertig & <gut>", "120 copies");
        assert!(
            xml.contains("<text>Fertig &amp; &lt;gut&gt;</text><text>120 copies</text>"),
            "{xml}"
        );
    }
}
