# Made by Shrinkray: the "Resize with Shrinkray" submenu for Nautilus (nautilus-python 4, and 1.x).
import subprocess

from gi.repository import GObject, Nautilus

PROGRAM = "shrinkray"
PRESETS = [
    ("Web 1920", "JPEG for websites: fits 1920×1920, quality 85, location removed"),
    ("E-mail 1280", "JPEG small enough to mail: fits 1280×1280, quality 80, location removed"),
    ("Phone 1080 WebP", "WebP for phones and screens: fits 1920×1080, quality 80"),
    ("Thumbnail 400", "Small JPEG previews: fits 400×400, quality 80, no metadata"),
    ("Archive as JPEG XL", "JPEG XL holding each JPEG whole: a fifth smaller, and djxl gives the very JPEG back"),
]


def _paths(files):
    paths = []
    for f in files:
        location = f.get_location()
        path = location.get_path() if location is not None else None
        if path is None:
            return []
        paths.append(path)
    return paths


class ShrinkrayMenu(GObject.GObject, Nautilus.MenuProvider):
    def get_file_items(self, *args):
        # nautilus-python 4 passes (files); 1.x passed (window, files).
        files = args[-1]
        if not files:
            return []
        if not all(f.is_directory() or (f.get_mime_type() or "").startswith("image/") for f in files):
            return []
        paths = _paths(files)
        if not paths:
            return []
        top = Nautilus.MenuItem(name="Shrinkray::Resize", label="Resize with Shrinkray", tip="Make smaller copies")
        submenu = Nautilus.Menu()
        top.set_submenu(submenu)
        for i, (name, description) in enumerate(PRESETS):
            item = Nautilus.MenuItem(name="Shrinkray::Preset%d" % i, label=name, tip=description)
            item.connect("activate", self._run, name, paths)
            submenu.append_item(item)
        return [top]

    def _run(self, _item, preset, paths):
        subprocess.Popen([PROGRAM, "--preset", preset, *paths], start_new_session=True)
