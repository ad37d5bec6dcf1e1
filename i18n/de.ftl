# Shrinkrays Texte auf Deutsch. Schlüssel und Variablen wie in en.ftl (src/i18n/tests.rs prüft es).
# Glossar: done = fertig, failed = fehlgeschlagen, skipped = übersprungen, copy = Kopie,
# original = Original, output folder = Ausgabeordner, preset = Vorlage, look = Anmutung.

## Sizes and times

size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
time-under-a-second = unter 1 s
time-seconds = { $s } s
time-minutes-seconds = { $m } min { $s } s
time-minutes = { $m } min
time-hours-minutes = { $h } h { $m } min

## The top bar and the empty window

add-folders = Ordner hinzufügen…
add-folders-help = Ordner mit Bildern hinzufügen (Strg+Umschalt+O)
add-files = Dateien hinzufügen…
add-files-help = Bilddateien hinzufügen (Strg+O)
dialog-open = Ein Dialog ist geöffnet
shortcuts = Tastenkürzel
shortcuts-help = Die Tastenkürzel (F1)
drop-here = Ordner oder Bilder hierher ziehen
drop-or = oder
click-to-preview = Klicken Sie auf ein Bild, um seine Kopie vor dem Start zu sehen.
drop-wait = Warten Sie, bis der Auftrag fertig ist
drop-to-add = Loslassen zum Hinzufügen
inputs = Eingaben
preset = Vorlage

## Keyboard shortcuts (F1)

shortcuts-title = Tastenkürzel
keys-enter = Eingabe
keys-esc = Esc
keys-space = Leertaste
keys-ctrl-o = Strg+O
keys-ctrl-shift-o = Strg+Umschalt+O
keys-arrows = ← →
keys-tab = Tab, Umschalt+Tab
keys-f1 = F1
shortcut-start = Starten (wenn kein Textfeld bearbeitet wird)
shortcut-esc = Vorschau schließen; sonst den Lauf abbrechen oder das Beobachten beenden
shortcut-pause = Lauf anhalten oder fortsetzen
shortcut-add-files = Bilddateien hinzufügen
shortcut-add-folders = Ordner hinzufügen
shortcut-arrows = Das vorige oder nächste Bild in der Vorschau
shortcut-tab = Zwischen den Bedienelementen wechseln; Leertaste oder Eingabe drückt das fokussierte
shortcut-f1 = Diese Liste zeigen oder verbergen

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = Nichts zu tun
start-watch = Auf neue Fotos warten
start-replace = { $n } { $count ->
        [one] Original
       *[other] Originale
    } ersetzen
start-resize = { $n } { $count ->
        [one] Bild
       *[other] Bilder
    } verkleinern
start-resize-some = { $count } { $count ->
        [one] Bild
       *[other] Bilder
    } verkleinern ({ $fresh } aktuell)
start-all-up-to-date = Jede Kopie ist aktuell („Nur neue und geänderte Bilder“ abwählen, um sie neu zu machen)
start-help = Jedes Bild verkleinern (Eingabe)
start-replace-help = Die Originale durch kleinere Kopien ersetzen, nach Rückfrage (Eingabe)
keep-watching = Weiter beobachten
keep-watching-help = Nach diesem Lauf Kopien neuer und geänderter Fotos machen, sobald sie in den Eingaben ankommen, bis „Stopp“
plan-counting = { $count }+ Bilder (wird gezählt…)
plan-found = { $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    }, { $size }
plan-in-place = ersetzt die Originale (aufbewahrt { $place ->
        [trash] im Papierkorb
       *[other] in { $kept }
    })
plan-beside = nach { $folder }/ neben jeder Eingabe
plan-no-output-folder = kein Ausgabeordner
plan-into = nach { $path }
plan-look = Anmutung { $look }, Wert ≥ { $score }
plan-score = Qualität nach Anmutung ≥ { $score }
plan-same-format = gleiches Format (JPEG { $quality })
plan-fit = einpassen { $width }×{ $height }
plan-fill = füllen { $width }×{ $height }
plan-stretch = strecken { $width }×{ $height }
plan-width = Breite { $n }
plan-height = Höhe { $n }
plan-long-edge = lange Seite { $n }
plan-percent = { $percent } %
plan-preset = Vorlage { $name }
plan-threads = { $count ->
        [one] { $count } Thread
       *[other] { $count } Threads
    }
plan-estimating = wird geschätzt…
plan-estimate-nothing = nichts zu tun
plan-estimate = ≈ { $size }, ≈ { $time }
plan-no-estimate = keine Schätzung (die Stichprobenbilder sind fehlgeschlagen)
plan-fresh-to-do = { $fresh } aktuell, { $count } zu tun
plan-fresh = { $fresh } aktuell
plan-already-made = { $count } schon mit diesen Einstellungen gemacht
would-not-shrink = ⚠ { $count } von { $sampled } Stichprobenbildern würden nicht kleiner (schon in der Größe, neu kodiert größer)
skip-if-larger = Überspringen, wenn größer
skip-if-larger-short-help = Stattdessen das Original kopieren, wenn die verkleinerte Kopie im gleichen Format größer wäre
blocked-running = Ein Auftrag läuft
blocked-no-inputs = Ordner oder Dateien hinzufügen, um zu starten
blocked-no-images = In den Eingaben wurden keine Bilder gefunden
undo-in-progress = Die Originale werden zurückgelegt…
blocked-in-place-extras = Beim Ersetzen der Originale gibt es eine Kopie je Bild: entfernen Sie die weiteren Größen
choose-output-folder = Wählen Sie einen Ausgabeordner
closing-in = Schließt in { $s } s, wie die Vorlage es verlangt
keep-open = Offen lassen
only-new-short = Nur neue und geänderte
only-new-short-help = Die Bilder überspringen, deren Kopien aktuell sind (sie kämen gleich heraus)
stop = Stopp
stop-help = Das Beobachten beenden, nach den Bildern in Arbeit (Esc)
cancel = Abbrechen
cancel-help = Nach den Bildern in Arbeit aufhören (Esc)
resume = Fortsetzen
resume-help = Wieder neue Bilder beginnen (Leertaste)
pause = Anhalten
pause-help = Die Bilder in Arbeit fertigstellen und bis zum Fortsetzen kein neues beginnen (Leertaste)

## Settings: output

put-copies = Kopien ablegen
put-one-folder = in einem Ordner
put-one-folder-help = Jede Kopie kommt in den Ausgabeordner darunter
put-beside = neben jeder Eingabe
put-beside-help = Ein Unterordner in jedem hinzugefügten Ordner (X/resized/) und neben einzeln hinzugefügten Fotos: wie „Mit Shrinkray verkleinern“ im Dateimanager
put-in-place = anstelle der Originale
put-in-place-help = Jede kleinere Kopie nimmt Platz, Namen und Datum ihres Originals ein; das Original kommt zuerst in den Papierkorb (oder einen Ordner Ihrer Wahl). Fragt vor jedem Lauf.
originals-go-to = Originale kommen
the-trash = in den Papierkorb
the-trash-help = Mit „Rückgängig“ oder von Hand im Dateimanager aus dem Papierkorb zurückholen
a-folder = in einen Ordner…
a-folder-help = Jedes Original an seinem Platz unter dem Namen seines Eingabeordners
undo-in-place = Letztes Ersetzen rückgängig machen
undo-in-place-help = Seine Originale an ihren Platz zurücklegen; die kleineren Kopien kommen dorthin, wo die Originale aufbewahrt waren
format = Format
format-help = „Wie Eingabe“ behält das Format jedes Bildes (HEIC und Formate, die Shrinkray nicht schreiben kann, werden JPEG oder, mit Transparenz, PNG). WebP und AVIF ergeben die kleinsten Dateien fürs Web.
format-same = Wie Eingabe
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP (verlustfrei)
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL (aus dem JPEG, umkehrbar)
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = Qualität
quality-help = Qualität für JPEG, WebP und AVIF: höher ist schärfer und größer; 85 passt für Fotos
quality-mode-help = Die Qualität danach wählen, wie jede Kopie aussieht, oder eine Zahl für alle angeben
quality-number = Zahl
quality-number-help = Dieselbe Qualität für jedes Bild
quality-score = Wert { $score }
look-visually-lossless = Sichtbar verlustfrei
look-visually-lossless-means = Kein Unterschied zu sehen, selbst beim Hin- und Herschalten zwischen Kopie und Original bei 100 %
look-high = Hoch
look-high-means = Jedes Foto mindestens so gut, wie ein üblicher Export mit Qualität 85 aussieht
look-good = Gut
look-good-means = Artefakte, die ohne das Original daneben kaum auffallen
look-help = { $means }: Jedes Bild bekommt die niedrigste Qualität, deren Kopie in SSIMULACRA2 mindestens { $score } erreicht (etwa zwanzigmal langsamer als eine feste Qualität)
png-compression = PNG-Kompression
png-compression-help = „Schnell“ schreibt PNGs mehrfach schneller; „Beste“ macht sie etwas kleiner
png-fast = Schnell
png-balanced = Ausgewogen
png-best = Beste (langsam)
avif-speed = AVIF-Tempo
avif-speed-help = 0 macht die kleinsten Dateien, sehr langsam; 9 ist am schnellsten. 8 braucht etwa 2 s für ein Foto mit 1920 Pixeln auf einem Kern.
jxl-effort = JPEG-XL-Aufwand
jxl-effort-help = 1 ist am schnellsten; 9 macht die kleinsten Dateien, langsam. 7 ist die Wahl von libjxl. Qualität 100 ergibt ein verlustfreies JPEG XL.
subfolder = Unterordner
subfolder-help = Der Name des Unterordners, der neben jeder Eingabe angelegt wird
folder = Ordner
folder-help = Wohin die Kopien kommen
choose = Wählen…
choose-help = Den Ausgabeordner wählen
file-name = Dateiname
file-name-help = Platzhalter: { $tokens }
if-it-exists = Wenn vorhanden
if-it-exists-help = Was geschieht, wenn eine Ausgabedatei schon existiert (ein Original wird nie ersetzt)
collision-rename = Nummer anhängen
collision-overwrite = Ersetzen
collision-skip = Bild überspringen
skip-if-larger-help = Stattdessen eine Kopie des Originals behalten, wenn die verkleinerte Datei größer wäre (schon kleine oder stark komprimierte Originale)
only-new = Nur neue und geänderte Bilder
only-new-help = Die Bilder überspringen, deren Kopien im Ausgabeordner aus derselben Datei mit denselben Einstellungen gemacht und seitdem unverändert sind; der Rest (neu, geändert, fehlgeschlagen oder nie fertig) wird gemacht
auto-report = Einen Bericht neben den Kopien speichern
auto-report-help = Nach jedem Lauf shrinkray-report-DATUM.csv in den Ausgabeordner schreiben: eine Zeile je Bild
target-size = Zielgröße
target-size-help = Die Qualität senken (nie unter 1), bis jede Kopie höchstens so groß ist
target-size-kb = Zielgröße in Kilobyte
at-most = höchstens
unit-kb = KB
shrink-to-fit = verkleinern, bis es passt
shrink-to-fit-help = Wenn selbst Qualität 1 zu groß ist, das Bild kleiner machen, statt es scheitern zu lassen

## Settings: size

section-size = Größe
section-output = Ausgabe
section-threads = Threads
section-more-sizes = Weitere Größen
section-metadata = Metadaten und Farbe
section-advanced = Erweitert
section-window = Fenster
common-size = Übliche Größe
common-size-help = Übliche Zielgrößen; wer die Größe unten ändert, macht daraus „Eigene“
mode = Modus
mode-fit = Einpassen
mode-fit-help = Die größte Größe, die in den Rahmen passt, mit gleicher Form
mode-fill = Füllen und zuschneiden
mode-fill-help = Den Rahmen bedecken und die Mitte genau auf seine Größe zuschneiden
mode-stretch = Strecken
mode-stretch-help = Genau der Rahmen, ohne Rücksicht auf die Form
mode-width = Breite
mode-width-help = Diese Breite; die Höhe folgt
mode-height = Höhe
mode-height-help = Diese Höhe; die Breite folgt
mode-long-edge = Lange Seite
mode-long-edge-help = Die längere Seite wird so lang
mode-percent = Prozent
mode-percent-help = Beide Seiten um einen Prozentsatz skalieren
box = Rahmen
width-in-pixels = Breite in Pixeln
height-in-pixels = Höhe in Pixeln
long-edge-in-pixels = Lange Seite in Pixeln
unit-px = px
scale = Maßstab
scale-help = Prozent der Originalgröße
dont-enlarge = Nicht vergrößern
dont-enlarge-help = Bilder, die kleiner als das Ziel sind, behalten ihre Größe
more-sizes-intro = Jedes Bild wird zusätzlich in diesen Größen geschrieben, für alle nur einmal dekodiert.
main-copy-is = Die Hauptkopie heißt
main-copy-is-help = Was {"{"}size{"}"} im Dateinamen für die Hauptkopie ergibt
extra-name-help = Ihr Name, den {"{"}size{"}"} im Dateinamen ergibt
extra-edge-help = Ihre längere Seite
size-name = Name der Größe
named-value = { $name }: { $value }
remove-size = Diese Größe entfernen
add-size = Größe hinzufügen

## Settings: advanced, metadata, threads, window

threads-help = Wie viele Bilder gleichzeitig verkleinert werden. Mehr Threads sind früher fertig, brauchen aber mehr Speicher; „Auto“ nutzt jeden Kern (oder RAYON_NUM_THREADS). Gilt ab dem nächsten Auftrag.
auto-value = Auto ({ $value })
threads-unit = Threads
filter = Filter
filter-help = Filter fürs Neuberechnen: Lanczos3 ist für Fotos am schärfsten; „Nächster Nachbar“ hält Pixelgrafik scharf
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = Bilinear
filter-nearest = Nächster Nachbar (Pixelgrafik)
background = Hintergrund
background-help = Was aus durchsichtigen Stellen in Formaten ohne Transparenz (JPEG) wird
jpeg-colour = JPEG-Farbe
jpeg-colour-help = Farbunterabtastung: wie viel Farbdetail JPEG-Kopien behalten. 4:2:0 ergibt die kleinsten Dateien und passt für Fotos; 4:4:4 hält roten Text und scharfe Farbkanten sauber
subsampling-auto = Auto (4:4:4 ab Qualität 90 und mit jpegli)
subsampling-420 = 4:2:0 (am kleinsten)
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4 (volle Farbe)
jpeg-encoder = JPEG-Encoder
jpeg-encoder-help = jpegli erreicht eine Anmutung mit etwa einem Zehntel weniger Bytes als libjpeg-turbo; bei fester Qualität behält libjpeg-turbo die vertraute Qualitätsskala. „Auto“ nimmt jeden dort, wo er besser ist
encoder-auto = Auto (jpegli für eine Anmutung)
encoder-turbo = libjpeg-turbo (am schnellsten)
encoder-jpegli = jpegli (am kleinsten)
sharpen = Für den Bildschirm schärfen
sharpen-help = Eine leichte Unschärfemaske auf verkleinerten Kopien, bemessen danach, wie stark verkleinert: schärfere Kanten am Bildschirm
progressive = Progressives JPEG
progressive-help = JPEG-Kopien, die zuerst grob erscheinen und beim Laden scharf werden; etwas kleiner, langsamer zu schreiben
optimise-jpeg = JPEGs verlustfrei optimieren
optimise-jpeg-help = JPEGs, die schon in der Größe sind, werden nicht neu kodiert: ihre Kodierung wird optimiert, die Kopie hat also genau dieselben Pixel und Metadaten, etwas kleiner
only-if-needed = Nur wenn nötig
only-if-needed-help = Bilder, die schon in der Größe (und der Zieldateigröße) sind und in ihrem Format bleiben, werden unverändert kopiert, nicht neu kodiert
recursive = Unterordner einbeziehen
recursive-help = Auch in Ordnern innerhalb der hinzugefügten Ordner nach Bildern suchen
print-density = Druckauflösung
print-density-help = Die Punkte pro Zoll, die die Kopien angeben, für den Druck: in die Kopfdaten von JPEG, PNG, TIFF und BMP und ins EXIF geschrieben
dpi-as-written = wie geschrieben
dpi-original = die des Originals
dpi-value = { $n } dpi
unit-dpi = dpi
keep-dates = Datum behalten
keep-dates-help = Jeder Kopie die Änderungszeit ihres Originals geben
strip-metadata = Metadaten entfernen
strip-metadata-help = EXIF, XMP und IPTC weglassen (Kamera, Datum, Urheber, Copyright, Ort); das Farbprofil bleibt. Wenn aus, bleiben sie erhalten, mit Ausrichtung, Pixelgröße und Vorschaubild passend zur Kopie.
remove-location = Ort entfernen
remove-location-help = Weglassen, wo das Foto aufgenommen wurde (GPS), und die übrigen Metadaten behalten
to-srgb = In sRGB umwandeln
to-srgb-help = Die Farben von Adobe-RGB-, Display-P3- und anderen Fotos mit großem Farbraum nach sRGB umrechnen, für Websites und Apps, die Farbprofile ignorieren. Wenn aus, bleibt das Originalprofil, wie es ist.
linear = In linearem Licht verkleinern
linear-help = Gammakorrektes Neuberechnen: feine helle Details auf Dunklem (Sterne, erleuchtete Fenster, Text) behalten ihre Helligkeit. Etwas langsamer.
largest-image = Größtes Bild
largest-image-help = Bilder mit mehr Megapixeln werden vor dem Dekodieren abgewiesen, damit eine kaputte oder bösartige Datei nicht den ganzen Speicher nimmt. Echte Panoramen liegen selten über 256 MP.
unit-mp = MP
memory = Speicher für Bilder
memory-help = Wie viel Speicher die dekodierten Bilder aller Threads zusammen belegen dürfen; ein Thread wartet, bevor er ein Bild beginnt, das darüber ginge. „Auto“ ist ein Viertel des Speichers dieses Computers.
unit-gb = GB

## Notices, the in-place run and its undo

report-saved = Bericht gespeichert: { $path }
report-save-failed = Der Bericht kann nicht gespeichert werden: { $path }
output-inside-file = Der Ausgabeordner liegt in einer Datei: { $path }
output-read-only = In den Ausgabeordner kann nicht geschrieben werden: { $path }
open-folder-failed = Der Dateimanager kann nicht geöffnet werden: { $error }: { $path }
in-place-title = Die Originale von { $n } { $count ->
        [one] Bild
       *[other] Bildern
    } ersetzen?
in-place-explain = Jedes Bild, dessen Kopie kleiner ausfällt, wird durch sie ersetzt, mit Namen, Datum und Rechten. Die Originale kommen zuerst { $place ->
        [trash] in den Papierkorb
       *[other] nach { $kept }
    }; „Letztes Ersetzen rückgängig machen“ legt sie zurück.
in-place-exceptions = Symbolische Links, Dateien mit mehreren Namen und Kopien, die nicht kleiner sind, bleiben, wie sie sind.
in-place-confirm = Originale ersetzen
undo-nothing = Es gibt kein Ersetzen mehr, das rückgängig zu machen wäre
undo-start-failed = Das Rückgängigmachen kann nicht starten: { $error }
undo-done = { $count ->
        [one] { $count } Original zurückgelegt
       *[other] { $count } Originale zurückgelegt
    }
undo-partly-done = { $count ->
        [one] { $count } Original zurückgelegt
       *[other] { $count } Originale zurückgelegt
    }; { $failed } nicht, das erste: { $first }

## Inputs and presets

inputs-empty = Ordner oder Bilder hierher ziehen oder „Ordner hinzufügen…“ / „Dateien hinzufügen…“ nutzen.
remove-input = { $name } entfernen
input-count = { $count ->
        [one] { $count } Bild
       *[other] { $count } Bilder
    } · { $size }
counting = Bilder werden gezählt…
clear-all = Alle entfernen
size-small = Klein
size-medium = Mittel
size-large = Groß
size-phone = Telefon
size-custom = Eigene
preset-none = Keine (Ihre Einstellungen)
preset-changed = { $name }, geändert
preset-unknown = Es gibt keine Vorlage „{ $name }“; es gibt: { $names }
preset-help = Eine Vorlage setzt Größe, Format, Qualität, Namen und Metadaten auf einmal
preset-close-when-done = Schließen, wenn aus dem Dateimanager gestartet
preset-close-when-done-help = Wenn diese Vorlage aus dem Menü des Dateimanagers gestartet wurde und jedes Bild fertig ist, schließt sich das Fenster nach ein paar Sekunden selbst
preset-save-as = Speichern unter…
preset-save-as-help = Die aktuellen Einstellungen als Vorlage speichern
preset-rename = Umbenennen…
preset-delete = Löschen
preset-reset = Mitgelieferte zurücksetzen
preset-reset-help = Die Vorlagen, die Shrinkray mitbringt, wiederherstellen; Ihre eigenen bleiben
preset-name = Name
preset-name-hint = Name der Vorlage
ok = OK
presets-no-config-folder = Die Vorlagen können nicht gespeichert werden: das System nennt keinen Konfigurationsordner
presets-save-failed = Die Vorlagen konnten nicht gespeichert werden ({ $error }): { $path }
menus-add = Zum Dateimanager hinzufügen
menus-add-explorer = Zum Explorer hinzufügen
menus-add-help = „Mit Shrinkray verkleinern“ mit diesen Vorlagen ins Kontextmenü von Dolphin, Nautilus, Nemo, Thunar, Caja und PCManFM setzen (Ihre eigenen Menüeinträge bleiben, wie sie sind)
menus-adding = Die Menüs werden hinzugefügt…
menus-added = „Mit Shrinkray verkleinern“ steht in den Menüs der Dateimanager ({ $count ->
        [one] { $count } Vorlage
       *[other] { $count } Vorlagen
    })
menus-added-explorer = „Mit Shrinkray verkleinern“ steht im Menü des Explorers ({ $count ->
        [one] { $count } Vorlage
       *[other] { $count } Vorlagen
    })
menus-failed = { $count } der Menüdateien konnten nicht geschrieben werden; die erste: { $first }

## The run: progress, summary, errors

copies-made = { $count ->
        [one] { $count } Kopie gemacht
       *[other] { $count } Kopien gemacht
    }
n-done = { $count } fertig
n-failed = { $count } fehlgeschlagen
n-skipped = { $count } übersprungen
n-not-started = { $count } nicht begonnen
notify-could-not-start = Shrinkray konnte nicht starten
notify-stopped-watching = Shrinkray beobachtet nicht mehr
notify-cancelled = Shrinkray: abgebrochen
notify-done-with-failures = Shrinkray: fertig, mit Fehlern
notify-done = Shrinkray: fertig
notify-show = Shrinkray zeigen
dock-badge = { $percent } %
menu-resize-with = Mit Shrinkray verkleinern
menu-resize-tip = Kleinere Kopien machen
title-idle = Shrinkray
title-watching = Beobachtet · { $done } fertig · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = Angehalten · { $done }/{ $total } · Shrinkray
title-starting = Startet · Shrinkray
title-cancelled = Abgebrochen · Shrinkray
title-done-failed = Fertig, { $failed } fehlgeschlagen · Shrinkray
title-done = Fertig · Shrinkray
finding-images = Bilder werden gesucht…
progress-bar = { $done } / { $total }
progress-speed = { $rate } Bilder/s · { $elapsed } vergangen · { $left } übrig
progress-cancelling = wird abgebrochen: Bilder in Arbeit werden zuerst fertig
progress-paused = angehalten: Bilder in Arbeit werden fertig, kein neues beginnt
watching-inputs = Beobachtet die Eingaben
watching-folders = Beobachtet { $count ->
        [one] { $count } Ordner
       *[other] { $count } Ordner
    }
last-copy-now = letzte Kopie gerade eben
last-copy-ago = letzte Kopie vor { $time }
watching-waiting = Kopien neuer Fotos erscheinen, sobald sie ankommen
watching-stopping = wird beendet: Bilder in Arbeit werden zuerst fertig
summary-could-not-start = Konnte nicht starten
summary-stopped-watching = Beobachten beendet
summary-cancelled = Abgebrochen
summary-finished = Fertig
summary-counts = { $done } fertig, { $failed } fehlgeschlagen, { $skipped } übersprungen
show-copies = Kopien zeigen
show-copies-help = { $path } im Dateimanager öffnen
retry-failed = Fehlgeschlagene wiederholen ({ $count })
retry-failed-help = Die fehlgeschlagenen Bilder noch einmal für sich laufen lassen, mit den aktuellen Einstellungen
save-report = Bericht speichern…
save-report-help = Eine CSV-Datei mit einer Zeile je Bild speichern: Status, Grund, Größen, Qualität, Zeit
errors = Fehler ({ $count })
copy-all = Alle kopieren
copy-all-help = Jede Fehlermeldung kopieren

## Thumbnails, the preview, dialogs, the desktop

percent = { $n } %
tile-not-started = nicht begonnen, { $size }
tile-not-started-sized = nicht begonnen, { $width }×{ $height }, { $size }
tile-done = fertig, { $sizes }, { $bytes }
tile-click-preview = Klicken, um die Kopie vorab zu sehen
tile-click-compare = Klicken, um mit dem Original zu vergleichen
tile-kept-original = das Original, kopiert: verkleinert war es größer
tile-look = Qualität { $quality }, nach Anmutung gewählt: SSIMULACRA2 { $score }
tile-also = auch { $path } ({ $width }×{ $height }, { $size })
preview-back = ← Zurück zum Raster
preview-back-help = Die Vorschau schließen (Esc)
preview-previous = Voriges Bild (←)
preview-next = Nächstes Bild (→)
preview-position = { $n } von { $count }
preview-making = Die Kopie wird mit den aktuellen Einstellungen gemacht…
preview-split = Geteilt
preview-split-help = Original links der Linie, Kopie rechts; die Linie lässt sich ziehen
preview-side-by-side = Nebeneinander
preview-fit = Einpassen
preview-zoom-help = Ein Pixel der Kopie auf einen des Bildschirms, mal diesen Wert (Doppelklick aufs Bild)
preview-scaled = (Kopie mit { $percent } % ihrer Größe gezeigt)
preview-original = Original
preview-copy = Kopie
preview-spoken = Vorschau: Original und Kopie
preview-chosen-by-look = nach Anmutung gewählt: SSIMULACRA2 { $score }
preview-figures = Original { $input }, { $input_bytes } → Kopie { $output }, { $format }, { $output_bytes }
dialog-add-images = Bilder hinzufügen
dialog-images = Bilder
dialog-all-files = Alle Dateien
dialog-add-folders = Ordner hinzufügen
dialog-output-folder = Ausgabeordner
dialog-backup-folder = Originale aufbewahren in
dialog-save-report = Bericht speichern
theme = Design
theme-help = Hell oder dunkel, oder wie der Desktop es sagt (wird verfolgt, solange Shrinkray läuft)
theme-system = Wie der Desktop
theme-light = Hell
theme-dark = Dunkel
language = Sprache
language-help = Die Sprache des Fensters; „Wie das System“ folgt der Spracheinstellung des Desktops
language-system = Wie das System
notify-when-done = Benachrichtigen, wenn ein langer Lauf endet
notify-when-done-help = Wenn ein Lauf von mehr als zehn Sekunden endet und Shrinkray nicht im Vordergrund ist, meldet es der Desktop; ein Klick auf die Meldung holt das Fenster nach vorn

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = Die Datei kann nicht gelesen werden: { $why }: { $path }
error-not-a-file = Keine reguläre Datei: { $path }
error-not-an-image = Kein Bild (Inhalt nicht erkannt): { $path }
error-unsupported = Nicht unterstütztes Bildformat { $format }: { $path }
error-not-built-in = Unterstützung für { $format } ist nicht eingebaut: { $path }
error-codec = Das { $format }-Bild kann nicht dekodiert werden: { $why }: { $path }
error-file-too-large = Datei zu groß: { $bytes } Bytes sind mehr als die Grenze von { $max } Bytes: { $path }
error-decode = Das Bild kann nicht dekodiert werden: { $why }: { $path }
error-jpeg = Das JPEG kann nicht dekodiert werden: { $why }: { $path }
error-truncated = Die Datei ist abgeschnitten (die Bilddaten enden vor ihrem Ende): { $path }
error-too-large = Bild zu groß: { $width }×{ $height } ist mehr als die Grenze von { $max } Pixeln: { $path }
error-resize = Das Bild kann nicht skaliert werden: { $why }: { $path }
error-encode = Die Ausgabe kann nicht kodiert werden: { $why }: { $path }
error-over-target = Selbst mit Qualität 1 braucht die Kopie { $bytes } Bytes, mehr als das Ziel von { $target } Bytes („verkleinern, bis es passt“ erlauben oder eine kleinere Größe wählen): { $path }
error-write = Die Ausgabe kann nicht geschrieben werden: { $why }: { $path }
error-output-is-input = Die Ausgabe würde eine Eingabedatei ersetzen, was Shrinkray nie tut: { $path }
error-output-appeared = Die Ausgabedatei ist während des Auftrags entstanden und wurde in Ruhe gelassen: { $path }
error-refused = Die Kopie kann nicht geschrieben werden: { $why }: { $path }
error-panicked = Interner Fehler bei der Verarbeitung des Bildes ({ $why }): { $path }
error-output-dir = Der Ausgabeordner kann nicht verwendet werden: { $why }: { $path }
error-report = Der Bericht kann nicht geschrieben werden: { $why }: { $path }
error-failed-list = Die Liste der fehlgeschlagenen Bilder kann nicht geschrieben werden: { $why }: { $path }
error-busy = Ein anderer Shrinkray-Lauf schreibt in diesen Ausgabeordner (warten Sie, bis er endet, oder wählen Sie einen anderen Ordner): { $path }
error-in-place = Ersetzen an Ort und Stelle nicht möglich: { $why }
error-internal = Interner Fehler: { $why }
error-thread-pool = { $count } Arbeits-Threads können nicht gestartet werden: { $why }
error-quality = Ungültige Qualität { $value }: sie muss zwischen 1 und 100 liegen
error-min-score = Ungültiger Wert { $value }: ein SSIMULACRA2-Ziel muss zwischen 1 und 100 liegen
error-avif-speed = Ungültiges AVIF-Tempo { $value }: es muss zwischen 0 und 9 liegen
error-jxl-effort = Ungültiger JPEG-XL-Aufwand { $value }: er muss zwischen 1 und 9 liegen
error-no-output-dir = Kein Ausgabeordner gewählt
error-settings = { $why }
skip-up-to-date = aktuell
skip-output-exists = Die Ausgabe existiert: { $path }
skip-no-output = Keine Ausgabe verlangt
skip-not-regular = Keine reguläre Datei
skip-link-loop = Schleife symbolischer Links
skip-broken-link = Defekter symbolischer Link
skip-unsupported = { $format }-Bilder werden nicht unterstützt
skip-not-an-image = Kein Bild
skip-left-alone = So belassen: { $why }
skip-already-shrunk = Schon an Ort und Stelle verkleinert

## shrinkray-cli's human output (its JSON stays English)

cli-error = Fehler: { $error }
cli-cancelled = abgebrochen
cli-eta = noch
cli-mode-needs-both = --mode fill und --mode stretch brauchen --width und --height
cli-invalid-options = ungültige Optionen
cli-cannot-plan = Der Auftrag kann nicht geplant werden
cli-estimate-cancelled = die Schätzung wurde abgebrochen
cli-stdout = Die Standardausgabe kann nicht beschrieben werden
cli-list-from-stdin = Die Eingabeliste kann nicht von der Standardeingabe gelesen werden
cli-list-unreadable = Die Eingabeliste kann nicht gelesen werden: { $path }
cli-list-empty = keine Eingaben: die Liste ist leer: { $path }
cli-no-output-folder = kein Ausgabeordner: --out angeben
cli-dry-run-beside = ein Probelauf braucht einen Ausgabeordner, und die Vorlage legt die Kopien in „{ $folder }“ neben jede Eingabe: --out angeben
cli-cannot-put-beside = Die Kopien können nicht neben die Eingaben gelegt werden
cli-cannot-start = Der Auftrag kann nicht starten
cli-no-result = Der Auftrag endete, ohne sein Ergebnis zu melden
cli-no-ctrl-c = Strg-C kann nicht abgefangen werden
cli-cancelling = breche ab; Bilder in Arbeit werden erst fertig (noch einmal Strg-C beendet sofort)
cli-watch-json-report = --watch ergänzt seinen Bericht nach jedem Durchgang: einen .csv- oder .jsonl-Bericht angeben, nicht .json
cli-cannot-watch = Das Beobachten kann nicht starten
cli-stopping = halte an; Bilder in Arbeit werden erst fertig
cli-watch-no-result = Das Beobachten endete, ohne sein Ergebnis zu melden
cli-preset-no-config = Die Vorlage kann nicht gespeichert werden: das System nennt keinen Konfigurationsordner
cli-cannot-resolve-out = --out kann nicht aufgelöst werden
cli-preset-unsaved = Die Vorlage kann nicht gespeichert werden: { $path }
cli-preset-saved = Vorlage „{ $name }“ gespeichert: { $path }
cli-sizes-in = { $from } → { $to } in { $seconds } s
cli-watching = beobachte { $folders } auf neue und geänderte Bilder; Strg-C zum Beenden
cli-watching-polling = beobachte { $folders } auf neue und geänderte Bilder, indem alle paar Sekunden nachgesehen wird (das System meldet hier keine Dateiereignisse); Strg-C zum Beenden
cli-gone = verschwunden: { $path } (seine Kopien bleiben)
cli-pass-failed = Durchgang { $number }: { $error }
cli-pass = Durchgang { $number } ({ $why })
cli-pass-first = erster Durchgang
cli-pass-changes = { $count } geändert
cli-pass-retry = Wiederholung
cli-pass-rescan = neue Suche
cli-folders = { $count } Ordner
cli-watched-for = { $seconds } s beobachtet
cli-not-put-back = nicht zurückgelegt: { $why }
cli-undone = { $count } Originale zurückgelegt, { $failed } nicht: { $path }
cli-nothing-to-undo = Der Lauf hat nichts mehr rückgängig zu machen: { $path }
cli-plan = Plan: { $images } zu verkleinern, { $skipped } übersprungen, { $failed } fehlgeschlagen
cli-numbered = nummeriert: { $path } ist vergeben
cli-replaces = ersetzt die Datei dort
cli-skipped = { $path }: übersprungen: { $why }
cli-failed = fehlgeschlagen: { $error }
cli-output-folders = Ausgabeordner (nichts angelegt):
cli-copies = { $count ->
        [one] { $count } Kopie
       *[other] { $count } Kopien
    }
cli-no-copies = keine: es würde keine Kopie geschrieben
cli-rule-rename = vergebene Namen bekommen eine Nummer
cli-rule-skip = Eingaben, deren Kopie existiert, werden übersprungen
cli-rule-overwrite = vorhandene Dateien werden ersetzt
cli-collisions = Namenskonflikte ({ $rule }): { $numbered } nummeriert, { $replaced } ersetzen eine Datei
cli-up-to-date = Aktuell (übersprungen): { $count }
cli-estimate-head = Schätzung: { $count } Bilder, { $size }
cli-estimate-nothing = Schätzung: nichts zu verkleinern
cli-estimate-none = kein Stichprobenbild ließ sich umwandeln, daher keine Schätzung
cli-estimate-time = ≈ { $time } mit { $threads ->
        [one] { $threads } Thread
       *[other] { $threads } Threads
    } (aus { $sampled ->
        [one] { $sampled } Stichprobenbild
       *[other] { $sampled } Stichprobenbildern
    })
cli-estimate-not-smaller = Die meisten Stichprobenkopien ({ $count } von { $sampled }) sind nicht kleiner als ihre Originale; --skip-if-larger behält dann das Original

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = JPEG für Websites: passt in 1920×1920, Qualität 85, Ort entfernt
preset-about-e-mail-1280 = JPEG, klein genug zum Mailen: passt in 1280×1280, Qualität 80, Ort entfernt
preset-about-phone-1080-webp = WebP für Telefone und Bildschirme: passt in 1920×1080, Qualität 80
preset-about-thumbnail-400 = Kleine JPEG-Vorschaubilder: passen in 400×400, Qualität 80, ohne Metadaten
preset-about-archive-as-jpeg-xl = JPEG XL, das jedes JPEG ganz enthält: ein Fünftel kleiner, und djxl gibt genau das JPEG zurück
preset-described = { $format }: { $size }, { $quality }
preset-quality = Qualität { $quality }
