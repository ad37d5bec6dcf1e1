# Made by Shrinkray: the "Resize with Shrinkray" submenu for Nautilus (nautilus-python 4, and 1.x).
import os
import subprocess

from gi.repository import GObject, Nautilus

PROGRAM = "shrinkray"
PRESETS = [
    ("Web 1920", "JPEG for websites: fits 1920×1920, quality 85, location removed", {"de": "JPEG für Websites: passt in 1920×1920, Qualität 85, Ort entfernt", "fr": "JPEG pour les sites web : tient dans 1920×1920, qualité 85, lieu retiré", "es": "JPEG para webs: cabe en 1920×1920, calidad 85, sin ubicación", "pt_BR": "JPEG para sites: cabe em 1920×1920, qualidade 85, local removido", "zh_CN": "用于网站的 JPEG：适应 1920×1920，质量 85，去除位置"}),
    ("E-mail 1280", "JPEG small enough to mail: fits 1280×1280, quality 80, location removed", {"de": "JPEG, klein genug zum Mailen: passt in 1280×1280, Qualität 80, Ort entfernt", "fr": "JPEG assez petit pour un courriel : tient dans 1280×1280, qualité 80, lieu retiré", "es": "JPEG lo bastante pequeño para enviar por correo: cabe en 1280×1280, calidad 80, sin ubicación", "pt_BR": "JPEG pequeno o bastante para e-mail: cabe em 1280×1280, qualidade 80, local removido", "zh_CN": "小到可以发邮件的 JPEG：适应 1280×1280，质量 80，去除位置"}),
    ("Phone 1080 WebP", "WebP for phones and screens: fits 1920×1080, quality 80", {"de": "WebP für Telefone und Bildschirme: passt in 1920×1080, Qualität 80", "fr": "WebP pour téléphones et écrans : tient dans 1920×1080, qualité 80", "es": "WebP para teléfonos y pantallas: cabe en 1920×1080, calidad 80", "pt_BR": "WebP para celulares e telas: cabe em 1920×1080, qualidade 80", "zh_CN": "用于手机和屏幕的 WebP：适应 1920×1080，质量 80"}),
    ("Thumbnail 400", "Small JPEG previews: fits 400×400, quality 80, no metadata", {"de": "Kleine JPEG-Vorschaubilder: passen in 400×400, Qualität 80, ohne Metadaten", "fr": "Petits aperçus JPEG : tiennent dans 400×400, qualité 80, sans métadonnées", "es": "Pequeñas vistas previas JPEG: caben en 400×400, calidad 80, sin metadatos", "pt_BR": "Pequenas prévias em JPEG: cabem em 400×400, qualidade 80, sem metadados", "zh_CN": "小尺寸 JPEG 预览图：适应 400×400，质量 80，无元数据"}),
    ("Archive as JPEG XL", "JPEG XL holding each JPEG whole: a fifth smaller, and djxl gives the very JPEG back", {"de": "JPEG XL, das jedes JPEG ganz enthält: ein Fünftel kleiner, und djxl gibt genau das JPEG zurück", "fr": "JPEG XL contenant chaque JPEG entier : un cinquième plus petit, et djxl rend exactement le JPEG", "es": "JPEG XL que guarda cada JPEG entero: una quinta parte más pequeño, y djxl devuelve exactamente el JPEG", "pt_BR": "JPEG XL que guarda cada JPEG inteiro: um quinto menor, e o djxl devolve exatamente o JPEG", "zh_CN": "完整保存每个 JPEG 的 JPEG XL：小五分之一，djxl 可以还原出完全相同的 JPEG"}),
]
# The submenu's title and tooltip in other languages, by language tag (each preset's description too).
TITLES = {
    "de": ("Mit Shrinkray verkleinern", "Kleinere Kopien machen"),
    "fr": ("Réduire avec Shrinkray", "Faire des copies plus petites"),
    "es": ("Reducir con Shrinkray", "Hacer copias más pequeñas"),
    "pt_BR": ("Reduzir com o Shrinkray", "Fazer cópias menores"),
    "zh_CN": ("用 Shrinkray 缩小", "生成更小的副本"),
}


def _language():
    # The user's language as the app reads it: the first of LC_ALL, LC_MESSAGES and LANG decides ("C" is
    # English), and LANGUAGE's list comes before it; a language without its region matches any region. Gives
    # a key of TITLES, or None for English.
    locale = next((os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), "")
    base = locale.split(".")[0].split("@")[0]
    if base in ("", "C", "POSIX"):
        return None
    for tag in [t for t in os.environ.get("LANGUAGE", "").split(":") if t] + [base]:
        tag = tag.split(".")[0].split("@")[0]
        language = tag.split("_")[0]
        if language == "en":
            return None
        found = [k for k in TITLES if k == tag] or [k for k in TITLES if k.split("_")[0] == language]
        if found:
            return found[0]
    return None


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
        language = _language()
        title, tip = TITLES.get(language, ("Resize with Shrinkray", "Make smaller copies"))
        top = Nautilus.MenuItem(name="Shrinkray::Resize", label=title, tip=tip)
        submenu = Nautilus.Menu()
        top.set_submenu(submenu)
        for i, (name, description, elsewhere) in enumerate(PRESETS):
            description = elsewhere.get(language, description)
            item = Nautilus.MenuItem(name="Shrinkray::Preset%d" % i, label=name, tip=description)
            item.connect("activate", self._run, name, paths)
            submenu.append_item(item)
        return [top]

    def _run(self, _item, preset, paths):
        subprocess.Popen([PROGRAM, "--preset", preset, *paths], start_new_session=True)
