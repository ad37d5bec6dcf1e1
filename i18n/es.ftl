# Los textos de Shrinkray en español. Mismas claves y variables que en.ftl (src/i18n/tests.rs lo comprueba).
# Glosario: done = hechas, failed = fallidas, skipped = omitidas, copy = copia, original = original,
# output folder = carpeta de salida, preset = ajuste predefinido, look = aspecto.

## Sizes and times

size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
time-under-a-second = menos de 1 s
time-seconds = { $s } s
time-minutes-seconds = { $m } min { $s } s
time-minutes = { $m } min
time-hours-minutes = { $h } h { $m } min

## The top bar and the empty window

add-folders = Añadir carpetas…
add-folders-help = Añadir carpetas de imágenes (Ctrl+Mayús+O)
add-files = Añadir archivos…
add-files-help = Añadir archivos de imagen (Ctrl+O)
dialog-open = Hay un diálogo abierto
shortcuts = Atajos
shortcuts-help = Los atajos de teclado (F1)
drop-here = Suelte carpetas o imágenes aquí
drop-or = o
click-to-preview = Haga clic en una imagen para ver su copia antes de empezar.
drop-wait = Espere a que termine el trabajo
drop-to-add = Suelte para añadir
inputs = Entradas
preset = Ajuste predefinido

## Keyboard shortcuts (F1)

shortcuts-title = Atajos de teclado
keys-enter = Intro
keys-esc = Esc
keys-space = Espacio
keys-ctrl-o = Ctrl+O
keys-ctrl-shift-o = Ctrl+Mayús+O
keys-arrows = ← →
keys-tab = Tab, Mayús+Tab
keys-f1 = F1
shortcut-start = Empezar (cuando no se edita ningún campo de texto)
shortcut-esc = Cerrar la vista previa; si no, cancelar el proceso o dejar de vigilar
shortcut-pause = Pausar o reanudar el proceso
shortcut-add-files = Añadir archivos de imagen
shortcut-add-folders = Añadir carpetas
shortcut-arrows = La imagen anterior o siguiente en la vista previa
shortcut-tab = Moverse entre los controles; Espacio o Intro pulsa el que tiene el foco
shortcut-f1 = Mostrar u ocultar esta lista

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = Nada que hacer
start-watch = Vigilar fotos nuevas
start-replace = Reemplazar { $n } { $count ->
        [one] original
       *[other] originales
    }
start-resize = Reducir { $n } { $count ->
        [one] imagen
       *[other] imágenes
    }
start-resize-some = Reducir { $count } { $count ->
        [one] imagen
       *[other] imágenes
    } ({ $fresh } al día)
start-all-up-to-date = Todas las copias están al día (desmarque «Solo imágenes nuevas y cambiadas» para rehacerlas)
start-help = Reducir cada imagen (Intro)
start-replace-help = Reemplazar los originales por copias más pequeñas, tras preguntar (Intro)
keep-watching = Seguir vigilando
keep-watching-help = Tras este proceso, hacer copias de las fotos nuevas y cambiadas según llegan a las entradas, hasta «Detener»
plan-counting = { $count }+ imágenes (contando…)
plan-found = { $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    }, { $size }
plan-in-place = reemplazando los originales (guardados { $place ->
        [trash] en la papelera
       *[other] en { $kept }
    })
plan-beside = en { $folder }/ junto a cada entrada
plan-no-output-folder = sin carpeta de salida
plan-into = en { $path }
plan-look = aspecto { $look }, puntuación ≥ { $score }
plan-score = calidad por aspecto ≥ { $score }
plan-same-format = mismo formato (JPEG { $quality })
plan-fit = encajar { $width }×{ $height }
plan-fill = rellenar { $width }×{ $height }
plan-stretch = estirar { $width }×{ $height }
plan-width = ancho { $n }
plan-height = alto { $n }
plan-long-edge = lado largo { $n }
plan-percent = { $percent } %
plan-preset = ajuste { $name }
plan-threads = { $count ->
        [one] { $count } hilo
       *[other] { $count } hilos
    }
plan-estimating = estimando…
plan-estimate-nothing = nada que hacer
plan-estimate = ≈ { $size }, ≈ { $time }
plan-no-estimate = sin estimación (las imágenes de muestra fallaron)
plan-fresh-to-do = { $fresh } al día, { $count } por hacer
plan-fresh = { $fresh } al día
plan-already-made = { $count } ya hechas con estos ajustes
would-not-shrink = ⚠ { $count } de { $sampled } imágenes de muestra no se harían más pequeñas (ya están en el tamaño, recodificadas ocupan más)
skip-if-larger = Omitir si es mayor
skip-if-larger-short-help = Copiar el original en su lugar cuando la copia reducida en el mismo formato sería mayor
blocked-running = Hay un trabajo en marcha
blocked-no-inputs = Añada carpetas o archivos para empezar
blocked-no-images = No se encontraron imágenes en las entradas
undo-in-progress = Devolviendo los originales a su sitio…
blocked-in-place-extras = Reemplazar los originales hace una sola copia de cada uno: quite los tamaños adicionales
choose-output-folder = Elija una carpeta de salida
closing-in = Se cierra en { $s } s, como pide el ajuste
keep-open = Mantener abierta
only-new-short = Solo nuevas y cambiadas
only-new-short-help = Omitir las imágenes cuyas copias están al día (saldrían iguales)
stop = Detener
stop-help = Dejar de vigilar, tras las imágenes en curso (Esc)
cancel = Cancelar
cancel-help = Parar tras las imágenes en curso (Esc)
resume = Reanudar
resume-help = Volver a empezar imágenes nuevas (Espacio)
pause = Pausa
pause-help = Terminar las imágenes en curso y no empezar ninguna nueva hasta reanudar (Espacio)

## Settings: output

put-copies = Poner las copias
put-one-folder = en una carpeta
put-one-folder-help = Cada copia va a la carpeta de salida de abajo
put-beside = junto a cada entrada
put-beside-help = Una subcarpeta dentro de cada carpeta añadida (X/resized/), y junto a las fotos añadidas una a una: como hace «Reducir con Shrinkray» en el gestor de archivos
put-in-place = en lugar de los originales
put-in-place-help = Cada copia más pequeña ocupa el lugar, el nombre y las fechas de su original; el original va antes a la papelera (o a una carpeta que elija). Pregunta antes de cada proceso.
originals-go-to = Los originales van
the-trash = a la papelera
the-trash-help = Se recuperan de la papelera con «Deshacer», o a mano desde el gestor de archivos
a-folder = a una carpeta…
a-folder-help = Cada original en su lugar bajo el nombre de su carpeta de entrada
undo-in-place = Deshacer el último reemplazo
undo-in-place-help = Devolver sus originales adonde estaban; las copias más pequeñas van adonde se guardaron los originales
format = Formato
format-help = «Igual que la entrada» mantiene el formato de cada imagen (HEIC y los formatos que Shrinkray no sabe escribir pasan a JPEG, o a PNG si tienen transparencia). WebP y AVIF dan los archivos más pequeños para la web.
format-same = Igual que la entrada
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP (sin pérdida)
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL (desde el JPEG, reversible)
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = Calidad
quality-help = Calidad de JPEG, WebP y AVIF: más alta es más nítida y más pesada; 85 va bien para fotos
quality-mode-help = Elegir la calidad según el aspecto de cada copia, o dar un número para todas
quality-number = Número
quality-number-help = La misma calidad para cada imagen
quality-score = Puntuación { $score }
look-visually-lossless = Visualmente sin pérdida
look-visually-lossless-means = Ninguna diferencia visible, ni alternando entre copia y original al 100 %
look-high = Alto
look-high-means = Cada foto al menos tan buena como una exportación típica con calidad 85
look-good = Bueno
look-good-means = Artefactos difíciles de notar sin el original al lado
look-help = { $means }: cada imagen recibe la calidad más baja cuya copia puntúa al menos { $score } en SSIMULACRA2 (unas veinte veces más lento que una calidad fija)
png-compression = Compresión PNG
png-compression-help = «Rápida» escribe los PNG varias veces antes; «Máxima» los hace algo más pequeños
png-fast = Rápida
png-balanced = Equilibrada
png-best = Máxima (lenta)
avif-speed = Velocidad AVIF
avif-speed-help = 0 da los archivos más pequeños muy despacio; 9 es lo más rápido. 8 tarda unos 2 s con una foto de 1920 píxeles en un núcleo.
jxl-effort = Esfuerzo JPEG XL
jxl-effort-help = 1 es lo más rápido; 9 da los archivos más pequeños, despacio. 7 es la elección de libjxl. La calidad 100 da un JPEG XL sin pérdida.
subfolder = Subcarpeta
subfolder-help = El nombre de la subcarpeta creada junto a cada entrada
folder = Carpeta
folder-help = Adónde van las copias
choose = Elegir…
choose-help = Elegir la carpeta de salida
file-name = Nombre de archivo
file-name-help = Marcadores: { $tokens }
if-it-exists = Si ya existe
if-it-exists-help = Qué pasa cuando un archivo de salida ya existe (nunca se reemplaza un original)
collision-rename = Añadir un número
collision-overwrite = Reemplazarlo
collision-skip = Omitir la imagen
skip-if-larger-help = Guardar en su lugar una copia del original cuando el archivo reducido sería mayor que él (originales ya pequeños o muy comprimidos)
only-new = Solo imágenes nuevas y cambiadas
only-new-help = Omitir las imágenes cuyas copias en la carpeta de salida se hicieron del mismo archivo con los mismos ajustes y no se han tocado desde entonces; el resto (nuevas, cambiadas, fallidas o sin terminar) se hacen
auto-report = Guardar un informe junto a las copias
auto-report-help = Tras cada proceso, escribir shrinkray-report-FECHA.csv en la carpeta de salida: una fila por imagen
target-size = Tamaño objetivo
target-size-help = Bajar la calidad (nunca por debajo de 1) hasta que cada copia ocupe como mucho esto
target-size-kb = Tamaño objetivo en kilobytes
at-most = como mucho
unit-kb = KB
shrink-to-fit = reducir hasta que quepa
shrink-to-fit-help = Cuando incluso la calidad 1 ocupa demasiado, hacer la imagen más pequeña en lugar de darla por fallida

## Settings: size

section-size = Tamaño
section-output = Salida
section-threads = Hilos
section-more-sizes = Más tamaños
section-metadata = Metadatos y color
section-advanced = Avanzado
section-window = Ventana
common-size = Tamaño habitual
common-size-help = Tamaños objetivo habituales; cambiar el tamaño de abajo lo convierte en «Personalizado»
mode = Modo
mode-fit = Encajar dentro
mode-fit-help = El mayor tamaño que cabe en el marco, manteniendo la forma
mode-fill = Rellenar y recortar
mode-fill-help = Cubrir el marco y recortar el centro exactamente a su tamaño
mode-stretch = Estirar
mode-stretch-help = Exactamente el marco, sin respetar la forma
mode-width = Ancho
mode-width-help = Este ancho; el alto se ajusta
mode-height = Alto
mode-height-help = Este alto; el ancho se ajusta
mode-long-edge = Lado largo
mode-long-edge-help = El lado más largo pasa a medir esto
mode-percent = Porcentaje
mode-percent-help = Escalar ambos lados según un porcentaje
box = Marco
width-in-pixels = Ancho en píxeles
height-in-pixels = Alto en píxeles
long-edge-in-pixels = Lado largo en píxeles
unit-px = px
scale = Escala
scale-help = Porcentaje del tamaño original
dont-enlarge = No ampliar
dont-enlarge-help = Las imágenes más pequeñas que el objetivo mantienen su tamaño
more-sizes-intro = Cada imagen se escribe también en estos tamaños, decodificada una sola vez para todos.
main-copy-is = La copia principal es
main-copy-is-help = Lo que da {"{"}size{"}"} en el nombre de archivo para la copia principal
extra-name-help = Su nombre, que da {"{"}size{"}"} en el nombre de archivo
extra-edge-help = Su lado más largo
size-name = Nombre del tamaño
named-value = { $name }: { $value }
remove-size = Quitar este tamaño
add-size = Añadir un tamaño

## Settings: advanced, metadata, threads, window

threads-help = Cuántas imágenes se reducen a la vez. Más hilos terminan antes pero usan más memoria; «Auto» usa todos los núcleos (o RAYON_NUM_THREADS). Se aplica al siguiente trabajo.
auto-value = Auto ({ $value })
threads-unit = hilos
filter = Filtro
filter-help = Filtro de remuestreo: Lanczos3 es el más nítido para fotos; «Vecino más cercano» mantiene nítido el pixel art
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = Bilineal
filter-nearest = Vecino más cercano (pixel art)
background = Fondo
background-help = En qué se convierten las partes transparentes en formatos sin transparencia (JPEG)
jpeg-colour = Color JPEG
jpeg-colour-help = Submuestreo de croma: cuánto detalle de color guardan las copias JPEG. 4:2:0 da los archivos más pequeños y va bien para fotos; 4:4:4 mantiene limpios el texto rojo y los bordes de color nítidos
subsampling-auto = Auto (4:4:4 desde la calidad 90, y con jpegli)
subsampling-420 = 4:2:0 (el más pequeño)
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4 (color completo)
jpeg-encoder = Codificador JPEG
jpeg-encoder-help = jpegli alcanza un aspecto con aproximadamente una décima parte menos de bytes que libjpeg-turbo; con calidad fija, libjpeg-turbo mantiene la escala de calidad conocida. «Auto» usa cada uno donde es mejor
encoder-auto = Auto (jpegli para un aspecto)
encoder-turbo = libjpeg-turbo (el más rápido)
encoder-jpegli = jpegli (el más pequeño)
sharpen = Enfocar para pantalla
sharpen-help = Una ligera máscara de enfoque en las copias reducidas, según cuánto se reducen: bordes más nítidos en pantalla
progressive = JPEG progresivo
progressive-help = Copias JPEG que aparecen bastas primero y se afinan al cargar; algo más pequeñas, más lentas de escribir
optimise-jpeg = Optimizar JPEG sin pérdida
optimise-jpeg-help = Los JPEG que ya están en el tamaño no se recodifican: se optimiza su codificación, así que la copia tiene exactamente los mismos píxeles y metadatos, algo más pequeña
only-if-needed = Solo cuando haga falta
only-if-needed-help = Las imágenes que ya están en el tamaño (y el peso objetivo) y siguen en su formato se copian tal cual, sin recodificar
recursive = Incluir subcarpetas
recursive-help = Buscar imágenes también en las carpetas dentro de las carpetas añadidas
print-density = Densidad de impresión
print-density-help = Los puntos por pulgada que declaran las copias, para imprimir: escritos en las cabeceras JPEG, PNG, TIFF y BMP y en el EXIF
dpi-as-written = como se escriba
dpi-original = la del original
dpi-value = { $n } ppp
unit-dpi = ppp
keep-dates = Conservar fechas
keep-dates-help = Dar a cada copia la fecha de modificación de su original
strip-metadata = Quitar metadatos
strip-metadata-help = Omitir EXIF, XMP e IPTC (cámara, fecha, autor, copyright, ubicación); el perfil de color se queda. Desactivado, se conservan, con la orientación, el tamaño en píxeles y la miniatura corregidos para la copia.
remove-location = Quitar ubicación
remove-location-help = Omitir dónde se tomó la foto (GPS) y conservar el resto de metadatos
to-srgb = Convertir a sRGB
to-srgb-help = Convertir a sRGB los colores de fotos Adobe RGB, Display P3 y otras de gama amplia, para webs y aplicaciones que ignoran los perfiles de color. Desactivado, el perfil original se conserva tal cual.
linear = Reducir en luz lineal
linear-help = Remuestreo con corrección gamma: el detalle fino y brillante sobre oscuro (estrellas, ventanas iluminadas, texto) conserva su brillo. Algo más lento.
largest-image = Imagen más grande
largest-image-help = Las imágenes de más megapíxeles que esto se rechazan antes de decodificarlas, para que un archivo dañado o malicioso no se lleve toda la memoria. Los panoramas reales rara vez pasan de 256 MP.
unit-mp = MP
memory = Memoria para imágenes
memory-help = Cuánta memoria pueden ocupar juntas las imágenes decodificadas de todos los hilos; un hilo espera antes de empezar una imagen que la superaría. «Auto» es una cuarta parte de la memoria de este equipo.
unit-gb = GB

## Notices, the in-place run and its undo

report-saved = Informe guardado: { $path }
report-save-failed = no se puede guardar el informe: { $path }
output-inside-file = La carpeta de salida está dentro de un archivo: { $path }
output-read-only = No se puede escribir en la carpeta de salida: { $path }
open-folder-failed = no se puede abrir el gestor de archivos: { $error }: { $path }
in-place-title = ¿Reemplazar los originales de { $n } { $count ->
        [one] imagen
       *[other] imágenes
    }?
in-place-explain = Cada imagen cuya copia sale más pequeña reemplaza a su original, conservando su nombre, fechas y permisos. Los originales van antes { $place ->
        [trash] a la papelera
       *[other] a { $kept }
    }; «Deshacer el último reemplazo» los devuelve a su sitio.
in-place-exceptions = Los enlaces simbólicos, los archivos con varios nombres y las copias que no son más pequeñas se quedan como están.
in-place-confirm = Reemplazar los originales
undo-nothing = No queda ningún reemplazo por deshacer
undo-start-failed = no se puede empezar a deshacer: { $error }
undo-done = { $count ->
        [one] { $count } original devuelto a su sitio
       *[other] { $count } originales devueltos a su sitio
    }
undo-partly-done = { $count ->
        [one] { $count } original devuelto a su sitio
       *[other] { $count } originales devueltos a su sitio
    }; { $failed } no se pudieron devolver, el primero: { $first }

## Inputs and presets

inputs-empty = Suelte carpetas o imágenes aquí, o use «Añadir carpetas…» / «Añadir archivos…».
remove-input = Quitar { $name }
input-count = { $count ->
        [one] { $count } imagen
       *[other] { $count } imágenes
    } · { $size }
counting = Contando imágenes…
clear-all = Quitar todo
size-small = Pequeño
size-medium = Mediano
size-large = Grande
size-phone = Teléfono
size-custom = Personalizado
preset-none = Ninguno (sus ajustes)
preset-changed = { $name }, modificado
preset-unknown = No hay ningún ajuste predefinido llamado «{ $name }»; hay: { $names }
preset-help = Un ajuste predefinido fija a la vez tamaño, formato, calidad, nombres y metadatos
preset-close-when-done = Cerrar si se inició desde el gestor de archivos
preset-close-when-done-help = Cuando este ajuste se inicia desde el menú del gestor de archivos y todas las imágenes están hechas, la ventana se cierra sola tras unos segundos
preset-save-as = Guardar como…
preset-save-as-help = Guardar los ajustes actuales como ajuste predefinido
preset-rename = Renombrar…
preset-delete = Eliminar
preset-reset = Restablecer los incluidos
preset-reset-help = Dejar los ajustes predefinidos que trae Shrinkray como estaban; los suyos se quedan
preset-name = Nombre
preset-name-hint = Nombre del ajuste
ok = Aceptar
presets-no-config-folder = no se pueden guardar los ajustes predefinidos: el sistema no indica ninguna carpeta de configuración
presets-save-failed = no se pudieron guardar los ajustes predefinidos ({ $error }): { $path }
menus-add = Añadir al gestor de archivos
menus-add-explorer = Añadir al Explorador
menus-add-help = Poner «Reducir con Shrinkray» con estos ajustes en el menú contextual de Dolphin, Nautilus, Nemo, Thunar, Caja y PCManFM (sus propias entradas de menú se quedan como están)
menus-adding = Añadiendo los menús…
menus-added = «Reducir con Shrinkray» está en los menús de los gestores de archivos ({ $count ->
        [one] { $count } ajuste
       *[other] { $count } ajustes
    })
menus-added-explorer = «Reducir con Shrinkray» está en el menú del Explorador ({ $count ->
        [one] { $count } ajuste
       *[other] { $count } ajustes
    })
menus-failed = { $count } de los archivos de menú no se pudieron escribir; el primero: { $first }

## The run: progress, summary, errors

copies-made = { $count ->
        [one] { $count } copia hecha
       *[other] { $count } copias hechas
    }
n-done = { $count } hechas
n-failed = { $count } fallidas
n-skipped = { $count } omitidas
n-not-started = { $count } sin empezar
notify-could-not-start = Shrinkray no pudo empezar
notify-stopped-watching = Shrinkray dejó de vigilar
notify-cancelled = Shrinkray: cancelado
notify-done-with-failures = Shrinkray: terminado, con fallos
notify-done = Shrinkray: terminado
notify-show = Mostrar Shrinkray
dock-badge = { $percent } %
menu-resize-with = Reducir con Shrinkray
menu-resize-tip = Hacer copias más pequeñas
title-idle = Shrinkray
title-watching = Vigilando · { $done } hechas · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = En pausa · { $done }/{ $total } · Shrinkray
title-starting = Empezando · Shrinkray
title-cancelled = Cancelado · Shrinkray
title-done-failed = Terminado, { $failed } fallidas · Shrinkray
title-done = Terminado · Shrinkray
finding-images = Buscando imágenes…
progress-bar = { $done } / { $total }
progress-speed = { $rate } imágenes/s · { $elapsed } transcurrido · quedan { $left }
progress-cancelling = cancelando: las imágenes en curso terminan primero
progress-paused = en pausa: las imágenes en curso terminan, no empieza ninguna nueva
watching-inputs = Vigilando las entradas
watching-folders = Vigilando { $count ->
        [one] { $count } carpeta
       *[other] { $count } carpetas
    }
last-copy-now = última copia ahora mismo
last-copy-ago = última copia hace { $time }
watching-waiting = las copias de las fotos nuevas aparecen según llegan
watching-stopping = deteniendo: las imágenes en curso terminan primero
summary-could-not-start = No se pudo empezar
summary-stopped-watching = Se dejó de vigilar
summary-cancelled = Cancelado
summary-finished = Terminado
summary-counts = { $done } hechas, { $failed } fallidas, { $skipped } omitidas
show-copies = Mostrar las copias
show-copies-help = Abrir { $path } en el gestor de archivos
retry-failed = Reintentar fallidas ({ $count })
retry-failed-help = Procesar otra vez, solas, las imágenes que fallaron, con los ajustes actuales
save-report = Guardar informe…
save-report-help = Guardar un CSV con una fila por imagen: estado, motivo, tamaños, calidad, tiempo
errors = Errores ({ $count })
copy-all = Copiar todo
copy-all-help = Copiar todos los mensajes de error

## Thumbnails, the preview, dialogs, the desktop

percent = { $n } %
tile-not-started = sin empezar, { $size }
tile-not-started-sized = sin empezar, { $width }×{ $height }, { $size }
tile-done = hecha, { $sizes }, { $bytes }
tile-click-preview = Haga clic para ver la copia
tile-click-compare = Haga clic para comparar con el original
tile-kept-original = el original, copiado: reducido ocupaba más
tile-look = calidad { $quality }, elegida por aspecto: SSIMULACRA2 { $score }
tile-also = también { $path } ({ $width }×{ $height }, { $size })
preview-back = ← Volver a la cuadrícula
preview-back-help = Cerrar la vista previa (Esc)
preview-previous = Imagen anterior (←)
preview-next = Imagen siguiente (→)
preview-position = { $n } de { $count }
preview-making = Haciendo la copia con los ajustes actuales…
preview-split = Dividida
preview-split-help = El original a la izquierda de la línea, la copia a la derecha; arrastre la línea
preview-side-by-side = Lado a lado
preview-fit = Encajar
preview-zoom-help = Un píxel de la copia por uno de la pantalla, multiplicado por esto (doble clic en la imagen)
preview-scaled = (copia mostrada al { $percent } % de su tamaño)
preview-original = Original
preview-copy = Copia
preview-spoken = Vista previa: original y copia
preview-chosen-by-look = elegida por aspecto: SSIMULACRA2 { $score }
preview-figures = Original { $input }, { $input_bytes } → copia { $output }, { $format }, { $output_bytes }
dialog-add-images = Añadir imágenes
dialog-images = Imágenes
dialog-all-files = Todos los archivos
dialog-add-folders = Añadir carpetas
dialog-output-folder = Carpeta de salida
dialog-backup-folder = Guardar los originales en
dialog-save-report = Guardar informe
theme = Tema
theme-help = Claro u oscuro, o como diga el escritorio (se sigue mientras Shrinkray funciona)
theme-system = Como el escritorio
theme-light = Claro
theme-dark = Oscuro
language = Idioma
language-help = El idioma de la ventana; «Como el sistema» sigue el ajuste de idioma del escritorio
language-system = Como el sistema
notify-when-done = Avisar al terminar un proceso largo
notify-when-done-help = Cuando termina un proceso de más de diez segundos y Shrinkray no está delante, el escritorio lo avisa; hacer clic en el aviso trae la ventana al frente

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = no se puede leer el archivo: { $why }: { $path }
error-not-a-file = no es un archivo normal: { $path }
error-not-an-image = no es una imagen (contenido no reconocido): { $path }
error-unsupported = formato de imagen no admitido { $format }: { $path }
error-not-built-in = la compatibilidad con { $format } no está incluida: { $path }
error-codec = no se puede decodificar la imagen { $format }: { $why }: { $path }
error-file-too-large = archivo demasiado grande: { $bytes } bytes superan el límite de { $max } bytes: { $path }
error-decode = no se puede decodificar la imagen: { $why }: { $path }
error-jpeg = no se puede decodificar el JPEG: { $why }: { $path }
error-truncated = el archivo está truncado (los datos de la imagen terminan antes de su final): { $path }
error-too-large = imagen demasiado grande: { $width }×{ $height } supera el límite de { $max } píxeles: { $path }
error-resize = no se puede redimensionar la imagen: { $why }: { $path }
error-encode = no se puede codificar la salida: { $why }: { $path }
error-over-target = incluso con calidad 1 la copia ocupa { $bytes } bytes, más que el objetivo de { $target } bytes (permita reducir hasta que quepa, o un tamaño menor): { $path }
error-write = no se puede escribir la salida: { $why }: { $path }
error-output-is-input = la salida reemplazaría un archivo de entrada, algo que Shrinkray nunca hace: { $path }
error-output-appeared = el archivo de salida apareció mientras el trabajo se ejecutaba y se dejó como estaba: { $path }
error-refused = no se puede escribir la copia: { $why }: { $path }
error-panicked = error interno al procesar la imagen ({ $why }): { $path }
error-output-dir = no se puede usar la carpeta de salida: { $why }: { $path }
error-report = no se puede escribir el informe: { $why }: { $path }
error-failed-list = no se puede escribir la lista de fallidas: { $why }: { $path }
error-busy = otro proceso de Shrinkray está escribiendo en esta carpeta de salida (espere a que termine o elija otra carpeta): { $path }
error-in-place = no se puede reducir en el sitio: { $why }
error-internal = error interno: { $why }
error-thread-pool = no se pueden iniciar { $count } hilos de trabajo: { $why }
error-quality = calidad { $value } no válida: debe estar entre 1 y 100
error-min-score = puntuación { $value } no válida: un objetivo SSIMULACRA2 debe estar entre 1 y 100
error-avif-speed = velocidad AVIF { $value } no válida: debe estar entre 0 y 9
error-jxl-effort = esfuerzo JPEG XL { $value } no válido: debe estar entre 1 y 9
error-no-output-dir = no se ha elegido ninguna carpeta de salida
error-settings = { $why }
skip-up-to-date = al día
skip-output-exists = la salida existe: { $path }
skip-no-output = no se pide ninguna salida
skip-not-regular = no es un archivo normal
skip-link-loop = bucle de enlaces simbólicos
skip-broken-link = enlace simbólico roto
skip-unsupported = las imágenes { $format } no son compatibles
skip-not-an-image = no es una imagen
skip-left-alone = se deja como está: { $why }
skip-already-shrunk = ya reducida en el sitio

## shrinkray-cli's human output (its JSON stays English)

cli-error = error: { $error }
cli-cancelled = cancelado
cli-eta = quedan
cli-mode-needs-both = --mode fill y --mode stretch necesitan --width y --height
cli-invalid-options = opciones no válidas
cli-cannot-plan = no se puede planificar el trabajo
cli-estimate-cancelled = la estimación se canceló
cli-stdout = no se puede escribir en la salida estándar
cli-list-from-stdin = no se puede leer la lista de entradas de la entrada estándar
cli-list-unreadable = no se puede leer la lista de entradas: { $path }
cli-list-empty = no hay entradas: la lista está vacía: { $path }
cli-no-output-folder = no hay carpeta de salida: indique --out
cli-dry-run-beside = una simulación necesita una sola carpeta de salida, y el ajuste predefinido pone las copias en «{ $folder }» junto a cada entrada: indique --out
cli-cannot-put-beside = no se pueden poner las copias junto a las entradas
cli-cannot-start = no se puede iniciar el trabajo
cli-no-result = el trabajo terminó sin informar de su resultado
cli-no-ctrl-c = no se puede instalar el manejador de Ctrl-C
cli-cancelling = cancelando; las imágenes en curso terminan primero (Ctrl-C otra vez para salir ya)
cli-watch-json-report = --watch añade a su informe tras cada pasada: indique un informe .csv o .jsonl, no .json
cli-cannot-watch = no se puede empezar a vigilar
cli-stopping = deteniendo; las imágenes en curso terminan primero
cli-watch-no-result = la vigilancia terminó sin informar de su resultado
cli-preset-no-config = no se puede guardar el ajuste predefinido: el sistema no indica ninguna carpeta de configuración
cli-cannot-resolve-out = no se puede resolver --out
cli-preset-unsaved = no se puede guardar el ajuste predefinido: { $path }
cli-preset-saved = ajuste predefinido «{ $name }» guardado: { $path }
cli-sizes-in = { $from } → { $to } en { $seconds } s
cli-watching = vigilando { $folders } en busca de imágenes nuevas y cambiadas; Ctrl-C para detener
cli-watching-polling = vigilando { $folders } en busca de imágenes nuevas y cambiadas, mirando cada pocos segundos (aquí el sistema no avisa de los cambios en archivos); Ctrl-C para detener
cli-gone = desaparecida: { $path } (sus copias se quedan)
cli-pass-failed = pasada { $number }: { $error }
cli-pass = pasada { $number } ({ $why })
cli-pass-first = primera pasada
cli-pass-changes = { $count } cambiadas
cli-pass-retry = reintento
cli-pass-rescan = nueva búsqueda
cli-folders = { $count } carpetas
cli-watched-for = vigilado durante { $seconds } s
cli-not-put-back = no devuelto: { $why }
cli-undone = { $count } originales devueltos, { $failed } no se pudieron devolver: { $path }
cli-nothing-to-undo = el proceso no tiene nada más que deshacer: { $path }
cli-plan = Plan: { $images } por reducir, { $skipped } omitidas, { $failed } fallarían
cli-numbered = numerada: { $path } está ocupado
cli-replaces = reemplaza el archivo que hay allí
cli-skipped = { $path }: omitida: { $why }
cli-failed = fallida: { $error }
cli-output-folders = Carpetas de salida (no se crea nada):
cli-copies = { $count ->
        [one] { $count } copia
       *[other] { $count } copias
    }
cli-no-copies = ninguna: no se escribiría ninguna copia
cli-rule-rename = los nombres ocupados reciben un número
cli-rule-skip = se omiten las entradas cuya copia existe
cli-rule-overwrite = se reemplazan los archivos existentes
cli-collisions = Colisiones ({ $rule }): { $numbered } numeradas, { $replaced } reemplazan un archivo
cli-up-to-date = Al día (omitidas): { $count }
cli-estimate-head = Estimación: { $count } imágenes, { $size }
cli-estimate-nothing = Estimación: nada que reducir
cli-estimate-none = no se pudo convertir ninguna imagen de muestra, así que no hay estimación
cli-estimate-time = ≈ { $time } con { $threads ->
        [one] { $threads } hilo
       *[other] { $threads } hilos
    } (a partir de { $sampled ->
        [one] { $sampled } imagen de muestra
       *[other] { $sampled } imágenes de muestra
    })
cli-estimate-not-smaller = La mayoría de las copias de muestra ({ $count } de { $sampled }) no son más pequeñas que sus originales; --skip-if-larger conserva entonces el original

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = JPEG para webs: cabe en 1920×1920, calidad 85, sin ubicación
preset-about-e-mail-1280 = JPEG lo bastante pequeño para enviar por correo: cabe en 1280×1280, calidad 80, sin ubicación
preset-about-phone-1080-webp = WebP para teléfonos y pantallas: cabe en 1920×1080, calidad 80
preset-about-thumbnail-400 = Pequeñas vistas previas JPEG: caben en 400×400, calidad 80, sin metadatos
preset-about-archive-as-jpeg-xl = JPEG XL que guarda cada JPEG entero: una quinta parte más pequeño, y djxl devuelve exactamente el JPEG
preset-described = { $format }: { $size }, { $quality }
preset-quality = calidad { $quality }
