//! Windows icon and version resources for the executables. Decided by the target being built, not the
//! machine building it, so a Linux host cross-compiling for Windows still embeds them.

fn main() {
    println!("cargo:rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon.ico")
        .set("ProductName", "Shrinkray")
        .set("FileDescription", "Shrinkray batch image resizer")
        .set("LegalCopyright", "© 2026 The Shrinkray developers");
    if let Err(e) = res.compile() {
        // A missing resource compiler must not stop the build; the program works without its icon.
        println!("cargo:warning=Windows resources not embedded: {e}");
    }
}
