# Shrinkray's messages in English: the reference every other language must match key for key
# (src/i18n/tests.rs checks it, and that every translation names the same variables).
# Variables: $count and other numbers are written the language's way (1,204 / 1.204); $path, $name and
# $error are text.

## Sizes and times

size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
time-under-a-second = under 1 s
time-seconds = { $s } s
time-minutes-seconds = { $m } min { $s } s
time-minutes = { $m } min
time-hours-minutes = { $h } h { $m } min

## The top bar and the empty window

add-folders = Add folders…
add-folders-help = Add folders of images (Ctrl+Shift+O)
add-files = Add files…
add-files-help = Add image files (Ctrl+O)
dialog-open = A dialog is open
shortcuts = Shortcuts
shortcuts-help = The keyboard shortcuts (F1)
drop-here = Drop folders or images here
drop-or = or
click-to-preview = Click an image to see its copy before you start.
drop-wait = Wait for the job to finish
drop-to-add = Drop to add
inputs = Inputs
preset = Preset

## Keyboard shortcuts (F1)

shortcuts-title = Keyboard shortcuts
keys-enter = Enter
keys-esc = Esc
keys-space = Space
keys-ctrl-o = Ctrl+O
keys-ctrl-shift-o = Ctrl+Shift+O
keys-arrows = ← →
keys-tab = Tab, Shift+Tab
keys-f1 = F1
shortcut-start = Start (when no text field is being edited)
shortcut-esc = Close the preview; else cancel the run or stop watching
shortcut-pause = Pause or resume the run
shortcut-add-files = Add image files
shortcut-add-folders = Add folders
shortcut-arrows = The previous or next image in the preview
shortcut-tab = Move between the controls; Space or Enter presses the one in focus
shortcut-f1 = Show or hide this list

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = Nothing to do
start-watch = Watch for new photos
start-replace = Replace { $n } { $count ->
        [one] original
       *[other] originals
    }
start-resize = Resize { $n } { $count ->
        [one] image
       *[other] images
    }
start-resize-some = Resize { $count } { $count ->
        [one] image
       *[other] images
    } ({ $fresh } up to date)
start-all-up-to-date = Every copy is up to date (untick "Only new and changed images" to make them again)
start-help = Resize every image (Enter)
start-replace-help = Replace the originals by smaller copies, after asking (Enter)
keep-watching = Keep watching
keep-watching-help = After this run, make copies of new and changed photos as they arrive in the inputs, until Stop
plan-counting = { $count }+ images (counting…)
plan-found = { $count ->
        [one] { $count } image
       *[other] { $count } images
    }, { $size }
plan-in-place = replacing the originals (kept in { $place ->
        [trash] the Trash
       *[other] { $kept }
    })
plan-beside = into { $folder }/ beside each input
plan-no-output-folder = no output folder
plan-into = into { $path }
plan-look = { $look } look, score ≥ { $score }
plan-score = quality by look ≥ { $score }
plan-same-format = same format (JPEG { $quality })
plan-fit = fit { $width }×{ $height }
plan-fill = fill { $width }×{ $height }
plan-stretch = stretch { $width }×{ $height }
plan-width = width { $n }
plan-height = height { $n }
plan-long-edge = long edge { $n }
plan-percent = { $percent }%
plan-preset = preset { $name }
plan-threads = { $count ->
        [one] { $count } thread
       *[other] { $count } threads
    }
plan-estimating = estimating…
plan-estimate-nothing = nothing to do
plan-estimate = ≈ { $size }, ≈ { $time }
plan-no-estimate = no estimate (the sampled images failed)
plan-fresh-to-do = { $fresh } up to date, { $count } to do
plan-fresh = { $fresh } up to date
plan-already-made = { $count } already made with these settings
would-not-shrink = ⚠ { $count } of { $sampled } sampled images would not get smaller (already within the size, re-encoded larger)
skip-if-larger = Skip if larger
skip-if-larger-short-help = Copy the original instead when the resized copy in the same format would be larger
blocked-running = A job is running
blocked-no-inputs = Add folders or files to start
blocked-no-images = No images found in the inputs
undo-in-progress = Putting the originals back…
blocked-in-place-extras = Replacing the originals makes one copy of each: remove the extra sizes
choose-output-folder = Choose an output folder
closing-in = Closing in { $s } s, as the preset asks
keep-open = Keep open
only-new-short = Only new and changed
only-new-short-help = Skip the images whose copies are up to date (they would come out the same)
stop = Stop
stop-help = Stop watching, after the images in flight (Esc)
cancel = Cancel
cancel-help = Stop after the images in flight (Esc)
resume = Resume
resume-help = Start new images again (Space)
pause = Pause
pause-help = Finish the images in flight and start no new one until resumed (Space)

## Settings: output

put-copies = Put copies
put-one-folder = in one folder
put-one-folder-help = Every copy goes to the output folder below
put-beside = beside each input
put-beside-help = A subfolder inside each folder you added (X/resized/), and beside the photos you added one by one: as "Resize with Shrinkray" in the file manager does
put-in-place = in place of the originals
put-in-place-help = Each smaller copy takes its original's place, name and dates; the original goes to the Trash (or a folder you choose) first. Asks before every run.
originals-go-to = Originals go to
the-trash = the Trash
the-trash-help = Put back from the Trash by "Undo", or by hand from the file manager
a-folder = a folder…
a-folder-help = Each original at its place below its input folder's name
undo-in-place = Undo the last in-place run
undo-in-place-help = Put its originals back where they were; the smaller copies go where the originals were kept
format = Format
format-help = Same as input keeps each image's format (HEIC and formats Shrinkray cannot write become JPEG, or PNG with transparency). WebP and AVIF make the smallest files for the web.
format-same = Same as input
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP (lossless)
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL (from the JPEG, reversible)
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = Quality
quality-help = JPEG, WebP and AVIF quality: higher is sharper and larger; 85 suits photos
quality-mode-help = Choose the quality by how each copy looks, or give one number for all
quality-number = Number
quality-number-help = The same quality for every image
quality-score = Score { $score }
look-visually-lossless = Visually lossless
look-visually-lossless-means = No difference seen even flicking between copy and original at 100 %
look-high = High
look-high-means = Every photo at least as good as a typical quality-85 export looks
look-good = Good
look-good-means = Artefacts hard to notice without the original beside it
look-help = { $means }: each image gets the lowest quality whose copy scores at least { $score } in SSIMULACRA2 (about twenty times slower than a fixed quality)
png-compression = PNG compression
png-compression-help = Fast writes PNGs several times sooner; Best makes them a little smaller
png-fast = Fast
png-balanced = Balanced
png-best = Best (slow)
avif-speed = AVIF speed
avif-speed-help = 0 makes the smallest files very slowly; 9 is fastest. 8 takes about 2 s for a 1920-pixel photo on one core.
jxl-effort = JPEG XL effort
jxl-effort-help = 1 is fastest; 9 makes the smallest files slowly. 7 is libjxl's own choice. Quality 100 makes a lossless JPEG XL.
subfolder = Subfolder
subfolder-help = The name of the subfolder made beside each input
folder = Folder
folder-help = Where the copies go
choose = Choose…
choose-help = Pick the output folder
file-name = File name
file-name-help = Tokens: { $tokens }
if-it-exists = If it exists
if-it-exists-help = What happens when an output file already exists (an original is never replaced)
collision-rename = Add a number
collision-overwrite = Replace it
collision-skip = Skip the image
skip-if-larger-help = Keep a copy of the original instead when the resized file would be larger than it (already small or heavily compressed originals)
only-new = Only new and changed images
only-new-help = Skip the images whose copies in the output folder were made from the same file with the same settings and are untouched since; the rest (new, changed, failed or never finished) are made
auto-report = Save a report beside the copies
auto-report-help = After each run, write shrinkray-report-DATE.csv in the output folder: one row per image
target-size = Target size
target-size-help = Lower the quality (never below 1) until each copy is at most this large
target-size-kb = Target size in kilobytes
at-most = at most
unit-kb = KB
shrink-to-fit = shrink to fit
shrink-to-fit-help = When even quality 1 is too large, make the picture smaller instead of failing it

## Settings: size

section-size = Size
section-output = Output
section-threads = Threads
section-more-sizes = More sizes
section-metadata = Metadata and colour
section-advanced = Advanced
section-window = Window
common-size = Common size
common-size-help = Common target sizes; editing the size below makes it Custom
mode = Mode
mode-fit = Fit inside
mode-fit-help = Largest size that fits inside the box, keeping the shape
mode-fill = Fill and crop
mode-fill-help = Cover the box and crop the centre to exactly its size
mode-stretch = Stretch
mode-stretch-help = Exactly the box, ignoring the shape
mode-width = Width
mode-width-help = This width; the height follows
mode-height = Height
mode-height-help = This height; the width follows
mode-long-edge = Long edge
mode-long-edge-help = The longer side becomes this long
mode-percent = Percent
mode-percent-help = Scale both sides by a percentage
box = Box
width-in-pixels = Width in pixels
height-in-pixels = Height in pixels
long-edge-in-pixels = Long edge in pixels
unit-px = px
scale = Scale
scale-help = Percentage of the original size
dont-enlarge = Don't enlarge
dont-enlarge-help = Images smaller than the target keep their size
more-sizes-intro = Each image is also written at these sizes, decoded once for all of them.
main-copy-is = The main copy is
main-copy-is-help = What {"{"}size{"}"} in the file name gives for the main copy
extra-name-help = Its name, which {"{"}size{"}"} in the file name gives
extra-edge-help = Its longer side
size-name = Size name
# A combo box's name for a screen reader on Linux: its label and its value ("Format: Same as input").
named-value = { $name }: { $value }
remove-size = Remove this size
add-size = Add a size

## Settings: advanced, metadata, threads, window

threads-help = How many images are resized at once. More threads finish sooner but use more memory; Auto uses every core (or RAYON_NUM_THREADS). Applies to the next job.
auto-value = Auto ({ $value })
threads-unit = threads
filter = Filter
filter-help = Resampling filter: Lanczos3 is sharpest for photos; Nearest keeps pixel art crisp
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = Bilinear
filter-nearest = Nearest (pixel art)
background = Background
background-help = What transparent parts become in formats without transparency (JPEG)
jpeg-colour = JPEG colour
jpeg-colour-help = Chroma subsampling: how much colour detail JPEG copies keep. 4:2:0 gives the smallest files and suits photos; 4:4:4 keeps red text and sharp colour edges clean
subsampling-auto = Auto (4:4:4 from quality 90, and with jpegli)
subsampling-420 = 4:2:0 (smallest)
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4 (full colour)
jpeg-encoder = JPEG encoder
jpeg-encoder-help = jpegli reaches a look in about a tenth fewer bytes than libjpeg-turbo; at a fixed quality libjpeg-turbo keeps the quality scale people know. Auto uses each where it is better
encoder-auto = Auto (jpegli for a look)
encoder-turbo = libjpeg-turbo (fastest)
encoder-jpegli = jpegli (smallest)
sharpen = Sharpen for screen
sharpen-help = A light unsharp mask on copies made smaller, sized to how much smaller: crisper edges on screen
progressive = Progressive JPEG
progressive-help = JPEG copies that appear coarse first and sharpen as they load; a little smaller, slower to write
optimise-jpeg = Optimise JPEGs losslessly
optimise-jpeg-help = JPEGs already within the size are not re-encoded: their coding is optimised, so the copy has the very same pixels and metadata, a little smaller
only-if-needed = Only when it needs it
only-if-needed-help = Images already within the size (and the target file size) that stay in their format are copied as they are, not encoded again
recursive = Include subfolders
recursive-help = Look for images in folders inside the added folders too
print-density = Print density
print-density-help = The dots per inch the copies say they have, for printing: written in the JPEG, PNG, TIFF and BMP headers and in the EXIF
dpi-as-written = as written
dpi-original = the original's
dpi-value = { $n } dpi
unit-dpi = dpi
keep-dates = Keep dates
keep-dates-help = Give each copy the modification time of its original
strip-metadata = Strip metadata
strip-metadata-help = Leave out EXIF, XMP and IPTC (camera, date, author, copyright, location); the colour profile stays. When off, they are kept, with the orientation, pixel size and thumbnail made right for the copy.
remove-location = Remove location
remove-location-help = Leave out where the photo was taken (GPS) and keep the rest of the metadata
to-srgb = Convert to sRGB
to-srgb-help = Convert the colours of Adobe RGB, Display P3 and other wide-gamut photos to sRGB, for websites and apps that ignore colour profiles. When off, the original profile is kept as it is.
linear = Resize in linear light
linear-help = Gamma-correct resampling: fine bright detail on dark (stars, lit windows, text) keeps its brightness. A little slower.
largest-image = Largest image
largest-image-help = Images with more megapixels than this are refused before they are decoded, so a broken or hostile file cannot take all memory. Real panoramas rarely pass 256 MP.
unit-mp = MP
memory = Memory for images
memory-help = How much memory the decoded images of all threads may take together; a thread waits before starting an image that would go over it. Auto is a quarter of this computer's memory.
unit-gb = GB

## Notices, the in-place run and its undo

report-saved = Report saved: { $path }
report-save-failed = cannot save the report: { $path }
output-inside-file = The output folder is inside a file: { $path }
output-read-only = The output folder cannot be written: { $path }
open-folder-failed = cannot open the file manager: { $error }: { $path }
in-place-title = Replace the originals of { $n } { $count ->
        [one] image
       *[other] images
    }?
in-place-explain = Each image whose copy comes out smaller replaces its original, keeping its name, dates and permissions. The originals go to { $place ->
        [trash] the Trash
       *[other] { $kept }
    } first; "Undo the last in-place run" puts them back.
in-place-exceptions = Symbolic links, files with several names and copies that are not smaller stay as they are.
in-place-confirm = Replace the originals
undo-nothing = No in-place run is left to undo
undo-start-failed = cannot start the undo: { $error }
undo-done = { $count ->
        [one] { $count } original put back
       *[other] { $count } originals put back
    }
undo-partly-done = { $count ->
        [one] { $count } original put back
       *[other] { $count } originals put back
    }; { $failed } could not be, the first: { $first }

## Inputs and presets

inputs-empty = Drop folders or images here, or use Add folders… / Add files….
remove-input = Remove { $name }
input-count = { $count ->
        [one] { $count } image
       *[other] { $count } images
    } · { $size }
counting = Counting images…
clear-all = Clear all
size-small = Small
size-medium = Medium
size-large = Large
size-phone = Phone
size-custom = Custom
preset-none = None (your settings)
preset-changed = { $name }, changed
preset-unknown = There is no preset called "{ $name }"; there are: { $names }
preset-help = A preset sets size, format, quality, names and metadata at once
preset-close-when-done = Close when started from the file manager
preset-close-when-done-help = When this preset is started from the file manager's menu and every image is done, the window closes itself after a few seconds
preset-save-as = Save as…
preset-save-as-help = Save the current settings as a preset
preset-rename = Rename…
preset-delete = Delete
preset-reset = Reset built-ins
preset-reset-help = Put the presets Shrinkray ships back as they were; yours stay
preset-name = Name
preset-name-hint = Preset name
ok = OK
presets-no-config-folder = the presets cannot be saved: the system names no configuration folder
presets-save-failed = the presets could not be saved ({ $error }): { $path }
menus-add = Add to file manager
menus-add-explorer = Add to Explorer
menus-add-help = Put "Resize with Shrinkray" with these presets in the right-click menu of Dolphin, Nautilus, Nemo, Thunar, Caja and PCManFM (your own menu entries stay as they are)
menus-adding = Adding the menus…
menus-added = "Resize with Shrinkray" is in the file managers' menus ({ $count ->
        [one] { $count } preset
       *[other] { $count } presets
    })
menus-added-explorer = "Resize with Shrinkray" is in Explorer's menu ({ $count ->
        [one] { $count } preset
       *[other] { $count } presets
    })
menus-failed = { $count } of the menu files could not be written; the first: { $first }

## The run: progress, summary, errors

copies-made = { $count ->
        [one] { $count } copy made
       *[other] { $count } copies made
    }
n-done = { $count } done
n-failed = { $count } failed
n-skipped = { $count } skipped
n-not-started = { $count } not started
notify-could-not-start = Shrinkray could not start
notify-stopped-watching = Shrinkray stopped watching
notify-cancelled = Shrinkray: cancelled
notify-done-with-failures = Shrinkray: done, with failures
notify-done = Shrinkray: done
notify-show = Show Shrinkray
# The Dock badge on macOS while a run goes: its share done.
dock-badge = { $percent }%
# The file managers' submenu on images and folders (and Explorer's verb), and its tooltip.
menu-resize-with = Resize with Shrinkray
menu-resize-tip = Make smaller copies
title-idle = Shrinkray
title-watching = Watching · { $done } done · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = Paused · { $done }/{ $total } · Shrinkray
title-starting = Starting · Shrinkray
title-cancelled = Cancelled · Shrinkray
title-done-failed = Done, { $failed } failed · Shrinkray
title-done = Done · Shrinkray
finding-images = Finding images…
progress-bar = { $done } / { $total }
progress-speed = { $rate } images/s · { $elapsed } elapsed · { $left } left
progress-cancelling = cancelling: images in flight finish first
progress-paused = paused: images in flight finish, no new one starts
watching-inputs = Watching the inputs
watching-folders = Watching { $count ->
        [one] { $count } folder
       *[other] { $count } folders
    }
last-copy-now = last copy just now
last-copy-ago = last copy { $time } ago
watching-waiting = copies of new photos appear as they arrive
watching-stopping = stopping: images in flight finish first
summary-could-not-start = Could not start
summary-stopped-watching = Stopped watching
summary-cancelled = Cancelled
summary-finished = Finished
summary-counts = { $done } done, { $failed } failed, { $skipped } skipped
show-copies = Show the copies
show-copies-help = Open { $path } in the file manager
retry-failed = Retry failed ({ $count })
retry-failed-help = Run the images that failed again, alone, with the current settings
save-report = Save report…
save-report-help = Save a CSV with one row per image: status, reason, sizes, quality, time
errors = Errors ({ $count })
copy-all = Copy all
copy-all-help = Copy every error message

## Thumbnails, the preview, dialogs, the desktop

percent = { $n } %
tile-not-started = not started, { $size }
tile-not-started-sized = not started, { $width }×{ $height }, { $size }
tile-done = done, { $sizes }, { $bytes }
tile-click-preview = Click to preview the copy
tile-click-compare = Click to compare with the original
tile-kept-original = the original, copied: resized it was larger
tile-look = quality { $quality }, chosen by look: SSIMULACRA2 { $score }
tile-also = also { $path } ({ $width }×{ $height }, { $size })
preview-back = ← Back to the grid
preview-back-help = Close the preview (Esc)
preview-previous = Previous image (←)
preview-next = Next image (→)
preview-position = { $n } of { $count }
preview-making = Making the copy with the current settings…
preview-split = Split
preview-split-help = Original on the left of the line, copy on the right; drag the line
preview-side-by-side = Side by side
preview-fit = Fit
preview-zoom-help = One pixel of the copy to one of the screen, times this (double-click the picture)
preview-scaled = (copy shown at { $percent } % of its size)
preview-original = Original
preview-copy = Copy
preview-spoken = Preview: original and copy
preview-chosen-by-look = chosen by look: SSIMULACRA2 { $score }
preview-figures = Original { $input }, { $input_bytes } → copy { $output }, { $format }, { $output_bytes }
dialog-add-images = Add images
dialog-images = Images
dialog-all-files = All files
dialog-add-folders = Add folders
dialog-output-folder = Output folder
dialog-backup-folder = Keep the originals in
dialog-save-report = Save report
theme = Theme
theme-help = Light or dark, or as the desktop says (followed while Shrinkray runs)
theme-system = As the desktop
theme-light = Light
theme-dark = Dark
language = Language
language-help = The language of the window; "As the system" follows the desktop's language setting
language-system = As the system
notify-when-done = Notify when a long run ends
notify-when-done-help = When a run of more than ten seconds ends and Shrinkray is not in front, the desktop says so; clicking the notification brings the window forward

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = cannot read the file: { $why }: { $path }
error-not-a-file = not a regular file: { $path }
error-not-an-image = not an image (unrecognised content): { $path }
error-unsupported = unsupported image format { $format }: { $path }
error-not-built-in = { $format } support is not built in: { $path }
error-codec = cannot decode the { $format } image: { $why }: { $path }
error-file-too-large = file too large: { $bytes } bytes is more than the limit of { $max } bytes: { $path }
error-decode = cannot decode the image: { $why }: { $path }
error-jpeg = cannot decode the JPEG: { $why }: { $path }
error-truncated = the file is truncated (the image data stops before its end): { $path }
error-too-large = image too large: { $width }×{ $height } is more than the limit of { $max } pixels: { $path }
error-resize = cannot resize the image: { $why }: { $path }
error-encode = cannot encode the output: { $why }: { $path }
error-over-target = even at quality 1 the copy takes { $bytes } bytes, more than the target of { $target } bytes (allow shrinking to fit, or a smaller size): { $path }
error-write = cannot write the output: { $why }: { $path }
error-output-is-input = the output would replace an input file, which Shrinkray never does: { $path }
error-output-appeared = the output file appeared while the job ran and was left alone: { $path }
error-refused = cannot write the copy: { $why }: { $path }
error-panicked = internal error while processing the image ({ $why }): { $path }
error-output-dir = cannot use the output folder: { $why }: { $path }
error-report = cannot write the report: { $why }: { $path }
error-failed-list = cannot write the failed list: { $why }: { $path }
error-busy = another Shrinkray run is writing into this output folder (wait for it to end, or choose another folder): { $path }
error-in-place = cannot shrink in place: { $why }
error-internal = internal error: { $why }
error-thread-pool = cannot start { $count } worker threads: { $why }
error-quality = invalid quality { $value }: it must be between 1 and 100
error-min-score = invalid score { $value }: a SSIMULACRA2 target must be between 1 and 100
error-avif-speed = invalid AVIF speed { $value }: it must be between 0 and 9
error-jxl-effort = invalid JPEG XL effort { $value }: it must be between 1 and 9
error-no-output-dir = no output folder chosen
error-settings = { $why }
skip-up-to-date = up to date
skip-output-exists = the output exists: { $path }
skip-no-output = no output is asked for
skip-not-regular = not a regular file
skip-link-loop = symbolic link loop
skip-broken-link = broken symbolic link
skip-unsupported = { $format } images are not supported
skip-not-an-image = not an image
skip-left-alone = left as it is: { $why }
skip-already-shrunk = already shrunk in place

## shrinkray-cli's human output (its JSON stays English)

cli-error = error: { $error }
cli-cancelled = cancelled
# Before the time left on the progress bar: "eta 1m 20s".
cli-eta = eta
# The CLI's own errors and notices (the engine's come from error-*).
cli-mode-needs-both = --mode fill and --mode stretch need both --width and --height
cli-invalid-options = invalid options
cli-cannot-plan = cannot plan the job
cli-estimate-cancelled = the estimate was cancelled
cli-stdout = cannot write to standard output
cli-list-from-stdin = cannot read the input list from standard input
cli-list-unreadable = cannot read the input list: { $path }
cli-list-empty = no inputs: the list is empty: { $path }
cli-no-output-folder = no output folder: give --out
cli-dry-run-beside = a dry run needs one output folder, and the preset puts the copies in "{ $folder }" beside each input: give --out
cli-cannot-put-beside = cannot put the copies beside the inputs
cli-cannot-start = cannot start the job
cli-no-result = the job ended without reporting its result
cli-no-ctrl-c = cannot install the Ctrl-C handler
cli-cancelling = cancelling; images in flight finish first (Ctrl-C again to quit at once)
cli-watch-json-report = --watch appends to its report after every pass: give a .csv or .jsonl report, not .json
cli-cannot-watch = cannot start watching
cli-stopping = stopping; images in flight finish first
cli-watch-no-result = the watch ended without reporting its result
cli-preset-no-config = cannot save the preset: the system names no configuration folder
cli-cannot-resolve-out = cannot resolve --out
cli-preset-unsaved = cannot save the preset: { $path }
cli-preset-saved = saved the preset "{ $name }": { $path }
cli-sizes-in = { $from } → { $to } in { $seconds } s
cli-watching = watching { $folders } for new and changed images; Ctrl-C to stop
cli-watching-polling = watching { $folders } for new and changed images by looking every few seconds (the system gives no file events here); Ctrl-C to stop
cli-gone = gone: { $path } (its copies stay)
cli-pass-failed = pass { $number }: { $error }
cli-pass = pass { $number } ({ $why })
cli-pass-first = first pass
cli-pass-changes = { $count } changed
cli-pass-retry = retry
cli-pass-rescan = rescan
cli-folders = { $count } folders
cli-watched-for = watched for { $seconds } s
cli-not-put-back = not put back: { $why }
cli-undone = { $count } originals put back, { $failed } could not be: { $path }
cli-nothing-to-undo = the run has nothing left to undo: { $path }
cli-plan = Plan: { $images } to resize, { $skipped } skipped, { $failed } failing
cli-numbered = numbered: { $path } is taken
cli-replaces = replaces the file there
cli-skipped = { $path }: skipped: { $why }
cli-failed = failed: { $error }
cli-output-folders = Output folders (nothing created):
cli-copies = { $count ->
        [one] { $count } copy
       *[other] { $count } copies
    }
cli-no-copies = none: no copy would be written
cli-rule-rename = taken names get a number
cli-rule-skip = inputs whose copy exists are skipped
cli-rule-overwrite = existing files are replaced
cli-collisions = Collisions ({ $rule }): { $numbered } numbered, { $replaced } replacing a file
cli-up-to-date = Up to date (skipped): { $count }
cli-estimate-head = Estimate: { $count } images, { $size }
cli-estimate-nothing = Estimate: nothing to resize
cli-estimate-none = no sampled image could be converted, so no estimate
cli-estimate-time = ≈ { $time } at { $threads ->
        [one] { $threads } thread
       *[other] { $threads } threads
    } (from { $sampled ->
        [one] { $sampled } sampled image
       *[other] { $sampled } sampled images
    })
cli-estimate-not-smaller = Most sampled copies ({ $count } of { $sampled }) are no smaller than their originals; --skip-if-larger keeps the original then

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = JPEG for websites: fits 1920×1920, quality 85, location removed
preset-about-e-mail-1280 = JPEG small enough to mail: fits 1280×1280, quality 80, location removed
preset-about-phone-1080-webp = WebP for phones and screens: fits 1920×1080, quality 80
preset-about-thumbnail-400 = Small JPEG previews: fits 400×400, quality 80, no metadata
preset-about-archive-as-jpeg-xl = JPEG XL holding each JPEG whole: a fifth smaller, and djxl gives the very JPEG back
# A saved preset's summary, as saving wrote it (said again in the language of the moment).
preset-described = { $format }: { $size }, { $quality }
preset-quality = quality { $quality }
