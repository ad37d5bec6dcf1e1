# Les textes de Shrinkray en français. Mêmes clés et variables que en.ftl (src/i18n/tests.rs le vérifie).
# Glossaire : done = terminé, failed = en échec, skipped = ignoré, copy = copie, original = original,
# output folder = dossier de sortie, preset = préréglage, look = rendu.

## Sizes and times

size-b = { $n } o
size-kb = { $n } ko
size-mb = { $n } Mo
size-gb = { $n } Go
size-tb = { $n } To
time-under-a-second = moins d’1 s
time-seconds = { $s } s
time-minutes-seconds = { $m } min { $s } s
time-minutes = { $m } min
time-hours-minutes = { $h } h { $m } min

## The top bar and the empty window

add-folders = Ajouter des dossiers…
add-folders-help = Ajouter des dossiers d’images (Ctrl+Maj+O)
add-files = Ajouter des fichiers…
add-files-help = Ajouter des fichiers image (Ctrl+O)
dialog-open = Une boîte de dialogue est ouverte
shortcuts = Raccourcis
shortcuts-help = Les raccourcis clavier (F1)
drop-here = Déposez des dossiers ou des images ici
drop-or = ou
click-to-preview = Cliquez sur une image pour voir sa copie avant de commencer.
drop-wait = Attendez la fin de la tâche
drop-to-add = Déposez pour ajouter
inputs = Entrées
preset = Préréglage

## Keyboard shortcuts (F1)

shortcuts-title = Raccourcis clavier
keys-enter = Entrée
keys-esc = Échap
keys-space = Espace
keys-ctrl-o = Ctrl+O
keys-ctrl-shift-o = Ctrl+Maj+O
keys-arrows = ← →
keys-tab = Tab, Maj+Tab
keys-f1 = F1
shortcut-start = Démarrer (quand aucun champ de texte n’est en cours d’édition)
shortcut-esc = Fermer l’aperçu ; sinon annuler le traitement ou arrêter la surveillance
shortcut-pause = Mettre en pause ou reprendre le traitement
shortcut-add-files = Ajouter des fichiers image
shortcut-add-folders = Ajouter des dossiers
shortcut-arrows = L’image précédente ou suivante dans l’aperçu
shortcut-tab = Passer d’une commande à l’autre ; Espace ou Entrée active celle qui a le focus
shortcut-f1 = Afficher ou masquer cette liste

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = Rien à faire
start-watch = Surveiller les nouvelles photos
start-replace = Remplacer { $n } { $count ->
        [one] original
       *[other] originaux
    }
start-resize = Réduire { $n } { $count ->
        [one] image
       *[other] images
    }
start-resize-some = Réduire { $count } { $count ->
        [one] image
       *[other] images
    } ({ $fresh } à jour)
start-all-up-to-date = Toutes les copies sont à jour (décochez « Seulement les images nouvelles et modifiées » pour les refaire)
start-help = Réduire chaque image (Entrée)
start-replace-help = Remplacer les originaux par des copies plus petites, après confirmation (Entrée)
keep-watching = Continuer à surveiller
keep-watching-help = Après ce traitement, faire des copies des photos nouvelles et modifiées dès qu’elles arrivent dans les entrées, jusqu’à « Arrêter »
plan-counting = { $count }+ images (comptage…)
plan-found = { $count ->
        [one] { $count } image
       *[other] { $count } images
    }, { $size }
plan-in-place = remplace les originaux (conservés { $place ->
        [trash] dans la corbeille
       *[other] dans { $kept }
    })
plan-beside = dans { $folder }/ à côté de chaque entrée
plan-no-output-folder = pas de dossier de sortie
plan-into = dans { $path }
plan-look = rendu { $look }, score ≥ { $score }
plan-score = qualité selon le rendu ≥ { $score }
plan-same-format = même format (JPEG { $quality })
plan-fit = ajuster { $width }×{ $height }
plan-fill = remplir { $width }×{ $height }
plan-stretch = étirer { $width }×{ $height }
plan-width = largeur { $n }
plan-height = hauteur { $n }
plan-long-edge = grand côté { $n }
plan-percent = { $percent } %
plan-preset = préréglage { $name }
plan-threads = { $count ->
        [one] { $count } fil
       *[other] { $count } fils
    }
plan-estimating = estimation…
plan-estimate-nothing = rien à faire
plan-estimate = ≈ { $size }, ≈ { $time }
plan-no-estimate = pas d’estimation (les images de l’échantillon ont échoué)
plan-fresh-to-do = { $fresh } à jour, { $count } à faire
plan-fresh = { $fresh } à jour
plan-already-made = { $count } déjà faites avec ces réglages
would-not-shrink = ⚠ { $count } des { $sampled } images de l’échantillon ne deviendraient pas plus petites (déjà à la taille, réencodées plus grandes)
skip-if-larger = Ignorer si plus grand
skip-if-larger-short-help = Copier l’original à la place quand la copie réduite dans le même format serait plus grande
blocked-running = Une tâche est en cours
blocked-no-inputs = Ajoutez des dossiers ou des fichiers pour commencer
blocked-no-images = Aucune image trouvée dans les entrées
undo-in-progress = Remise en place des originaux…
blocked-in-place-extras = Remplacer les originaux fait une seule copie de chacun : retirez les tailles supplémentaires
choose-output-folder = Choisissez un dossier de sortie
closing-in = Fermeture dans { $s } s, comme le demande le préréglage
keep-open = Garder ouvert
only-new-short = Seulement les nouvelles et modifiées
only-new-short-help = Ignorer les images dont les copies sont à jour (elles ressortiraient identiques)
stop = Arrêter
stop-help = Arrêter la surveillance, après les images en cours (Échap)
cancel = Annuler
cancel-help = S’arrêter après les images en cours (Échap)
resume = Reprendre
resume-help = Recommencer à traiter de nouvelles images (Espace)
pause = Pause
pause-help = Finir les images en cours et n’en commencer aucune nouvelle avant la reprise (Espace)

## Settings: output

put-copies = Placer les copies
put-one-folder = dans un seul dossier
put-one-folder-help = Chaque copie va dans le dossier de sortie ci-dessous
put-beside = à côté de chaque entrée
put-beside-help = Un sous-dossier dans chaque dossier ajouté (X/resized/), et à côté des photos ajoutées une à une : comme le fait « Réduire avec Shrinkray » dans le gestionnaire de fichiers
put-in-place = à la place des originaux
put-in-place-help = Chaque copie plus petite prend la place, le nom et les dates de son original ; l’original part d’abord dans la corbeille (ou un dossier de votre choix). Demande avant chaque traitement.
originals-go-to = Les originaux vont
the-trash = dans la corbeille
the-trash-help = À récupérer dans la corbeille avec « Annuler », ou à la main depuis le gestionnaire de fichiers
a-folder = dans un dossier…
a-folder-help = Chaque original à sa place sous le nom de son dossier d’entrée
undo-in-place = Annuler le dernier remplacement
undo-in-place-help = Remettre ses originaux là où ils étaient ; les copies plus petites vont là où les originaux étaient conservés
format = Format
format-help = « Comme l’entrée » garde le format de chaque image (le HEIC et les formats que Shrinkray ne sait pas écrire deviennent du JPEG, ou du PNG avec transparence). WebP et AVIF donnent les fichiers les plus petits pour le web.
format-same = Comme l’entrée
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP (sans perte)
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL (depuis le JPEG, réversible)
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = Qualité
quality-help = Qualité JPEG, WebP et AVIF : plus haute, c’est plus net et plus lourd ; 85 convient aux photos
quality-mode-help = Choisir la qualité selon le rendu de chaque copie, ou donner un nombre pour toutes
quality-number = Nombre
quality-number-help = La même qualité pour chaque image
quality-score = Score { $score }
look-visually-lossless = Visuellement sans perte
look-visually-lossless-means = Aucune différence visible, même en alternant copie et original à 100 %
look-high = Élevé
look-high-means = Chaque photo au moins aussi bonne qu’un export courant en qualité 85
look-good = Bon
look-good-means = Des artefacts difficiles à remarquer sans l’original à côté
look-help = { $means } : chaque image reçoit la qualité la plus basse dont la copie atteint au moins { $score } en SSIMULACRA2 (environ vingt fois plus lent qu’une qualité fixe)
png-compression = Compression PNG
png-compression-help = « Rapide » écrit les PNG plusieurs fois plus vite ; « Meilleure » les rend un peu plus petits
png-fast = Rapide
png-balanced = Équilibrée
png-best = Meilleure (lente)
avif-speed = Vitesse AVIF
avif-speed-help = 0 donne les fichiers les plus petits, très lentement ; 9 est le plus rapide. 8 prend environ 2 s pour une photo de 1920 pixels sur un cœur.
jxl-effort = Effort JPEG XL
jxl-effort-help = 1 est le plus rapide ; 9 donne les fichiers les plus petits, lentement. 7 est le choix de libjxl. La qualité 100 donne un JPEG XL sans perte.
subfolder = Sous-dossier
subfolder-help = Le nom du sous-dossier créé à côté de chaque entrée
folder = Dossier
folder-help = Où vont les copies
choose = Choisir…
choose-help = Choisir le dossier de sortie
file-name = Nom de fichier
file-name-help = Jetons : { $tokens }
if-it-exists = S’il existe
if-it-exists-help = Ce qui se passe quand un fichier de sortie existe déjà (un original n’est jamais remplacé)
collision-rename = Ajouter un numéro
collision-overwrite = Le remplacer
collision-skip = Ignorer l’image
skip-if-larger-help = Garder plutôt une copie de l’original quand le fichier réduit serait plus grand que lui (originaux déjà petits ou très compressés)
only-new = Seulement les images nouvelles et modifiées
only-new-help = Ignorer les images dont les copies dans le dossier de sortie ont été faites depuis le même fichier avec les mêmes réglages et sont intactes depuis ; les autres (nouvelles, modifiées, en échec ou jamais finies) sont faites
auto-report = Enregistrer un rapport à côté des copies
auto-report-help = Après chaque traitement, écrire shrinkray-report-DATE.csv dans le dossier de sortie : une ligne par image
target-size = Taille visée
target-size-help = Baisser la qualité (jamais sous 1) jusqu’à ce que chaque copie soit au plus de cette taille
target-size-kb = Taille visée en kilo-octets
at-most = au plus
unit-kb = ko
shrink-to-fit = réduire pour tenir
shrink-to-fit-help = Quand même la qualité 1 est trop lourde, réduire l’image au lieu de la mettre en échec

## Settings: size

section-size = Taille
section-output = Sortie
section-threads = Fils d’exécution
section-more-sizes = Autres tailles
section-metadata = Métadonnées et couleur
section-advanced = Avancé
section-window = Fenêtre
common-size = Taille courante
common-size-help = Tailles cibles courantes ; modifier la taille ci-dessous la rend « Personnalisée »
mode = Mode
mode-fit = Ajuster dans le cadre
mode-fit-help = La plus grande taille qui tient dans le cadre, en gardant les proportions
mode-fill = Remplir et recadrer
mode-fill-help = Couvrir le cadre et recadrer le centre exactement à sa taille
mode-stretch = Étirer
mode-stretch-help = Exactement le cadre, sans tenir compte des proportions
mode-width = Largeur
mode-width-help = Cette largeur ; la hauteur suit
mode-height = Hauteur
mode-height-help = Cette hauteur ; la largeur suit
mode-long-edge = Grand côté
mode-long-edge-help = Le plus grand côté prend cette longueur
mode-percent = Pourcentage
mode-percent-help = Mettre les deux côtés à l’échelle d’un pourcentage
box = Cadre
width-in-pixels = Largeur en pixels
height-in-pixels = Hauteur en pixels
long-edge-in-pixels = Grand côté en pixels
unit-px = px
scale = Échelle
scale-help = Pourcentage de la taille d’origine
dont-enlarge = Ne pas agrandir
dont-enlarge-help = Les images plus petites que la cible gardent leur taille
more-sizes-intro = Chaque image est aussi écrite à ces tailles, décodée une seule fois pour toutes.
main-copy-is = La copie principale est
main-copy-is-help = Ce que donne {"{"}size{"}"} dans le nom de fichier pour la copie principale
extra-name-help = Son nom, que donne {"{"}size{"}"} dans le nom de fichier
extra-edge-help = Son plus grand côté
size-name = Nom de la taille
named-value = { $name } : { $value }
remove-size = Retirer cette taille
add-size = Ajouter une taille

## Settings: advanced, metadata, threads, window

threads-help = Combien d’images sont réduites à la fois. Plus de fils finissent plus tôt mais utilisent plus de mémoire ; « Auto » utilise chaque cœur (ou RAYON_NUM_THREADS). S’applique à la tâche suivante.
auto-value = Auto ({ $value })
threads-unit = fils
filter = Filtre
filter-help = Filtre de rééchantillonnage : Lanczos3 est le plus net pour les photos ; « Plus proche voisin » garde le pixel art net
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = Bilinéaire
filter-nearest = Plus proche voisin (pixel art)
background = Fond
background-help = Ce que deviennent les parties transparentes dans les formats sans transparence (JPEG)
jpeg-colour = Couleur JPEG
jpeg-colour-help = Sous-échantillonnage de la chrominance : combien de détail de couleur gardent les copies JPEG. 4:2:0 donne les fichiers les plus petits et convient aux photos ; 4:4:4 garde nets le texte rouge et les bords de couleur
subsampling-auto = Auto (4:4:4 dès la qualité 90, et avec jpegli)
subsampling-420 = 4:2:0 (le plus petit)
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4 (couleur complète)
jpeg-encoder = Encodeur JPEG
jpeg-encoder-help = jpegli atteint un rendu avec environ un dixième d’octets de moins que libjpeg-turbo ; à qualité fixe, libjpeg-turbo garde l’échelle de qualité que l’on connaît. « Auto » utilise chacun là où il est meilleur
encoder-auto = Auto (jpegli pour un rendu)
encoder-turbo = libjpeg-turbo (le plus rapide)
encoder-jpegli = jpegli (le plus petit)
sharpen = Accentuer pour l’écran
sharpen-help = Un léger masque de netteté sur les copies réduites, dosé selon la réduction : des bords plus nets à l’écran
progressive = JPEG progressif
progressive-help = Des copies JPEG qui apparaissent grossières puis s’affinent au chargement ; un peu plus petites, plus lentes à écrire
optimise-jpeg = Optimiser les JPEG sans perte
optimise-jpeg-help = Les JPEG déjà à la taille ne sont pas réencodés : leur codage est optimisé, la copie a donc exactement les mêmes pixels et métadonnées, un peu plus petite
only-if-needed = Seulement si nécessaire
only-if-needed-help = Les images déjà à la taille (et au poids visé) qui restent dans leur format sont copiées telles quelles, sans réencodage
recursive = Inclure les sous-dossiers
recursive-help = Chercher aussi des images dans les dossiers contenus dans les dossiers ajoutés
print-density = Résolution d’impression
print-density-help = Les points par pouce qu’annoncent les copies, pour l’impression : écrits dans les en-têtes JPEG, PNG, TIFF et BMP et dans l’EXIF
dpi-as-written = telle qu’écrite
dpi-original = celle de l’original
dpi-value = { $n } ppp
unit-dpi = ppp
keep-dates = Garder les dates
keep-dates-help = Donner à chaque copie la date de modification de son original
strip-metadata = Retirer les métadonnées
strip-metadata-help = Omettre EXIF, XMP et IPTC (appareil, date, auteur, droits d’auteur, lieu) ; le profil de couleur reste. Désactivé, ils sont gardés, avec l’orientation, la taille en pixels et la vignette ajustées à la copie.
remove-location = Retirer le lieu
remove-location-help = Omettre l’endroit où la photo a été prise (GPS) et garder le reste des métadonnées
to-srgb = Convertir en sRGB
to-srgb-help = Convertir en sRGB les couleurs des photos Adobe RGB, Display P3 et autres à gamut étendu, pour les sites et applications qui ignorent les profils de couleur. Désactivé, le profil d’origine est gardé tel quel.
linear = Réduire en lumière linéaire
linear-help = Rééchantillonnage avec correction gamma : les fins détails clairs sur fond sombre (étoiles, fenêtres éclairées, texte) gardent leur luminosité. Un peu plus lent.
largest-image = Plus grande image
largest-image-help = Les images de plus de mégapixels que cela sont refusées avant d’être décodées, pour qu’un fichier abîmé ou malveillant ne prenne pas toute la mémoire. Les vrais panoramas dépassent rarement 256 Mpx.
unit-mp = Mpx
memory = Mémoire pour les images
memory-help = Combien de mémoire les images décodées de tous les fils peuvent prendre ensemble ; un fil attend avant de commencer une image qui la dépasserait. « Auto » vaut un quart de la mémoire de cet ordinateur.
unit-gb = Go

## Notices, the in-place run and its undo

report-saved = Rapport enregistré : { $path }
report-save-failed = impossible d’enregistrer le rapport : { $path }
output-inside-file = Le dossier de sortie est dans un fichier : { $path }
output-read-only = Impossible d’écrire dans le dossier de sortie : { $path }
open-folder-failed = impossible d’ouvrir le gestionnaire de fichiers : { $error } : { $path }
in-place-title = Remplacer les originaux { $count ->
        [one] d’{ $n } image
       *[other] de { $n } images
    } ?
in-place-explain = Chaque image dont la copie sort plus petite remplace son original, en gardant son nom, ses dates et ses droits. Les originaux vont d’abord { $place ->
        [trash] dans la corbeille
       *[other] dans { $kept }
    } ; « Annuler le dernier remplacement » les remet en place.
in-place-exceptions = Les liens symboliques, les fichiers à plusieurs noms et les copies qui ne sont pas plus petites restent tels quels.
in-place-confirm = Remplacer les originaux
undo-nothing = Il ne reste aucun remplacement à annuler
undo-start-failed = impossible de lancer l’annulation : { $error }
undo-done = { $count ->
        [one] { $count } original remis en place
       *[other] { $count } originaux remis en place
    }
undo-partly-done = { $count ->
        [one] { $count } original remis en place
       *[other] { $count } originaux remis en place
    } ; { $failed } n’ont pas pu l’être, le premier : { $first }

## Inputs and presets

inputs-empty = Déposez des dossiers ou des images ici, ou utilisez « Ajouter des dossiers… » / « Ajouter des fichiers… ».
remove-input = Retirer { $name }
input-count = { $count ->
        [one] { $count } image
       *[other] { $count } images
    } · { $size }
counting = Comptage des images…
clear-all = Tout retirer
size-small = Petite
size-medium = Moyenne
size-large = Grande
size-phone = Téléphone
size-custom = Personnalisée
preset-none = Aucun (vos réglages)
preset-changed = { $name }, modifié
preset-unknown = Il n’y a pas de préréglage « { $name } » ; il y a : { $names }
preset-help = Un préréglage fixe d’un coup taille, format, qualité, noms et métadonnées
preset-close-when-done = Fermer quand lancé depuis le gestionnaire de fichiers
preset-close-when-done-help = Quand ce préréglage est lancé depuis le menu du gestionnaire de fichiers et que chaque image est faite, la fenêtre se ferme d’elle-même après quelques secondes
preset-save-as = Enregistrer sous…
preset-save-as-help = Enregistrer les réglages actuels comme préréglage
preset-rename = Renommer…
preset-delete = Supprimer
preset-reset = Rétablir ceux d’origine
preset-reset-help = Remettre les préréglages fournis avec Shrinkray comme ils étaient ; les vôtres restent
preset-name = Nom
preset-name-hint = Nom du préréglage
ok = OK
presets-no-config-folder = impossible d’enregistrer les préréglages : le système n’indique aucun dossier de configuration
presets-save-failed = les préréglages n’ont pas pu être enregistrés ({ $error }) : { $path }
menus-add = Ajouter au gestionnaire de fichiers
menus-add-explorer = Ajouter à l’Explorateur
menus-add-help = Mettre « Réduire avec Shrinkray » avec ces préréglages dans le menu contextuel de Dolphin, Nautilus, Nemo, Thunar, Caja et PCManFM (vos propres entrées de menu restent telles quelles)
menus-adding = Ajout des menus…
menus-added = « Réduire avec Shrinkray » est dans les menus des gestionnaires de fichiers ({ $count ->
        [one] { $count } préréglage
       *[other] { $count } préréglages
    })
menus-added-explorer = « Réduire avec Shrinkray » est dans le menu de l’Explorateur ({ $count ->
        [one] { $count } préréglage
       *[other] { $count } préréglages
    })
menus-failed = { $count } des fichiers de menu n’ont pas pu être écrits ; le premier : { $first }

## The run: progress, summary, errors

copies-made = { $count ->
        [one] { $count } copie faite
       *[other] { $count } copies faites
    }
n-done = { $count } terminées
n-failed = { $count } en échec
n-skipped = { $count } ignorées
n-not-started = { $count } non commencées
notify-could-not-start = Shrinkray n’a pas pu démarrer
notify-stopped-watching = Shrinkray a arrêté la surveillance
notify-cancelled = Shrinkray : annulé
notify-done-with-failures = Shrinkray : terminé, avec des échecs
notify-done = Shrinkray : terminé
notify-show = Afficher Shrinkray
dock-badge = { $percent } %
menu-resize-with = Réduire avec Shrinkray
menu-resize-tip = Faire des copies plus petites
title-idle = Shrinkray
title-watching = Surveillance · { $done } terminées · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = En pause · { $done }/{ $total } · Shrinkray
title-starting = Démarrage · Shrinkray
title-cancelled = Annulé · Shrinkray
title-done-failed = Terminé, { $failed } en échec · Shrinkray
title-done = Terminé · Shrinkray
finding-images = Recherche des images…
progress-bar = { $done } / { $total }
progress-speed = { $rate } images/s · { $elapsed } écoulé · { $left } restant
progress-cancelling = annulation : les images en cours finissent d’abord
progress-paused = en pause : les images en cours finissent, aucune nouvelle ne commence
watching-inputs = Surveillance des entrées
watching-folders = Surveillance { $count ->
        [one] d’{ $count } dossier
       *[other] de { $count } dossiers
    }
last-copy-now = dernière copie à l’instant
last-copy-ago = dernière copie il y a { $time }
watching-waiting = les copies des nouvelles photos apparaissent dès leur arrivée
watching-stopping = arrêt : les images en cours finissent d’abord
summary-could-not-start = Impossible de démarrer
summary-stopped-watching = Surveillance arrêtée
summary-cancelled = Annulé
summary-finished = Terminé
summary-counts = { $done } terminées, { $failed } en échec, { $skipped } ignorées
show-copies = Afficher les copies
show-copies-help = Ouvrir { $path } dans le gestionnaire de fichiers
retry-failed = Relancer les échecs ({ $count })
retry-failed-help = Traiter à nouveau, seules, les images en échec, avec les réglages actuels
save-report = Enregistrer le rapport…
save-report-help = Enregistrer un CSV d’une ligne par image : état, motif, tailles, qualité, durée
errors = Erreurs ({ $count })
copy-all = Tout copier
copy-all-help = Copier tous les messages d’erreur

## Thumbnails, the preview, dialogs, the desktop

percent = { $n } %
tile-not-started = non commencée, { $size }
tile-not-started-sized = non commencée, { $width }×{ $height }, { $size }
tile-done = terminée, { $sizes }, { $bytes }
tile-click-preview = Cliquez pour voir un aperçu de la copie
tile-click-compare = Cliquez pour comparer avec l’original
tile-kept-original = l’original, copié : réduit, il était plus lourd
tile-look = qualité { $quality }, choisie selon le rendu : SSIMULACRA2 { $score }
tile-also = aussi { $path } ({ $width }×{ $height }, { $size })
preview-back = ← Retour à la grille
preview-back-help = Fermer l’aperçu (Échap)
preview-previous = Image précédente (←)
preview-next = Image suivante (→)
preview-position = { $n } sur { $count }
preview-making = Création de la copie avec les réglages actuels…
preview-split = Partagé
preview-split-help = L’original à gauche de la ligne, la copie à droite ; faites glisser la ligne
preview-side-by-side = Côte à côte
preview-fit = Ajuster
preview-zoom-help = Un pixel de la copie pour un de l’écran, multiplié par ceci (double-cliquez sur l’image)
preview-scaled = (copie affichée à { $percent } % de sa taille)
preview-original = Original
preview-copy = Copie
preview-spoken = Aperçu : original et copie
preview-chosen-by-look = choisie selon le rendu : SSIMULACRA2 { $score }
preview-figures = Original { $input }, { $input_bytes } → copie { $output }, { $format }, { $output_bytes }
dialog-add-images = Ajouter des images
dialog-images = Images
dialog-all-files = Tous les fichiers
dialog-add-folders = Ajouter des dossiers
dialog-output-folder = Dossier de sortie
dialog-backup-folder = Conserver les originaux dans
dialog-save-report = Enregistrer le rapport
theme = Thème
theme-help = Clair ou sombre, ou comme le dit le bureau (suivi pendant que Shrinkray tourne)
theme-system = Comme le bureau
theme-light = Clair
theme-dark = Sombre
language = Langue
language-help = La langue de la fenêtre ; « Comme le système » suit le réglage de langue du bureau
language-system = Comme le système
notify-when-done = Prévenir à la fin d’un long traitement
notify-when-done-help = Quand un traitement de plus de dix secondes se termine et que Shrinkray n’est pas au premier plan, le bureau le signale ; cliquer sur la notification ramène la fenêtre devant

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = impossible de lire le fichier : { $why } : { $path }
error-not-a-file = pas un fichier ordinaire : { $path }
error-not-an-image = pas une image (contenu non reconnu) : { $path }
error-unsupported = format d’image non pris en charge { $format } : { $path }
error-not-built-in = la prise en charge de { $format } n’est pas incluse : { $path }
error-codec = impossible de décoder l’image { $format } : { $why } : { $path }
error-file-too-large = fichier trop gros : { $bytes } octets dépassent la limite de { $max } octets : { $path }
error-decode = impossible de décoder l’image : { $why } : { $path }
error-jpeg = impossible de décoder le JPEG : { $why } : { $path }
error-truncated = le fichier est tronqué (les données de l’image s’arrêtent avant la fin) : { $path }
error-too-large = image trop grande : { $width }×{ $height } dépasse la limite de { $max } pixels : { $path }
error-resize = impossible de redimensionner l’image : { $why } : { $path }
error-encode = impossible d’encoder la sortie : { $why } : { $path }
error-over-target = même en qualité 1, la copie fait { $bytes } octets, plus que la cible de { $target } octets (autorisez la réduction pour tenir, ou une taille plus petite) : { $path }
error-write = impossible d’écrire la sortie : { $why } : { $path }
error-output-is-input = la sortie remplacerait un fichier d’entrée, ce que Shrinkray ne fait jamais : { $path }
error-output-appeared = le fichier de sortie est apparu pendant la tâche et n’a pas été touché : { $path }
error-refused = impossible d’écrire la copie : { $why } : { $path }
error-panicked = erreur interne pendant le traitement de l’image ({ $why }) : { $path }
error-output-dir = impossible d’utiliser le dossier de sortie : { $why } : { $path }
error-report = impossible d’écrire le rapport : { $why } : { $path }
error-failed-list = impossible d’écrire la liste des échecs : { $why } : { $path }
error-busy = un autre traitement Shrinkray écrit dans ce dossier de sortie (attendez qu’il finisse, ou choisissez un autre dossier) : { $path }
error-in-place = impossible de réduire sur place : { $why }
error-internal = erreur interne : { $why }
error-thread-pool = impossible de démarrer { $count } fils de travail : { $why }
error-quality = qualité { $value } invalide : elle doit être entre 1 et 100
error-min-score = score { $value } invalide : une cible SSIMULACRA2 doit être entre 1 et 100
error-avif-speed = vitesse AVIF { $value } invalide : elle doit être entre 0 et 9
error-jxl-effort = effort JPEG XL { $value } invalide : il doit être entre 1 et 9
error-no-output-dir = aucun dossier de sortie choisi
error-settings = { $why }
skip-up-to-date = à jour
skip-output-exists = la sortie existe : { $path }
skip-no-output = aucune sortie demandée
skip-not-regular = pas un fichier ordinaire
skip-link-loop = boucle de liens symboliques
skip-broken-link = lien symbolique cassé
skip-unsupported = les images { $format } ne sont pas prises en charge
skip-not-an-image = pas une image
skip-left-alone = laissé tel quel : { $why }
skip-already-shrunk = déjà réduit sur place

## shrinkray-cli's human output (its JSON stays English)

cli-error = erreur : { $error }
cli-cancelled = annulé
cli-eta = reste
cli-mode-needs-both = --mode fill et --mode stretch demandent --width et --height
cli-invalid-options = options non valables
cli-cannot-plan = impossible de planifier le travail
cli-estimate-cancelled = l’estimation a été annulée
cli-stdout = impossible d’écrire sur la sortie standard
cli-list-from-stdin = impossible de lire la liste des entrées sur l’entrée standard
cli-list-unreadable = impossible de lire la liste des entrées : { $path }
cli-list-empty = aucune entrée : la liste est vide : { $path }
cli-no-output-folder = aucun dossier de sortie : indiquez --out
cli-dry-run-beside = une simulation demande un seul dossier de sortie, et le préréglage met les copies dans « { $folder } » à côté de chaque entrée : indiquez --out
cli-cannot-put-beside = impossible de mettre les copies à côté des entrées
cli-cannot-start = impossible de lancer le travail
cli-no-result = le travail s’est terminé sans donner son résultat
cli-no-ctrl-c = impossible d’installer le gestionnaire de Ctrl-C
cli-cancelling = annulation ; les images en cours se terminent d’abord (Ctrl-C encore pour quitter aussitôt)
cli-watch-json-report = --watch complète son rapport après chaque passage : donnez un rapport .csv ou .jsonl, pas .json
cli-cannot-watch = impossible de commencer la surveillance
cli-stopping = arrêt ; les images en cours se terminent d’abord
cli-watch-no-result = la surveillance s’est terminée sans donner son résultat
cli-preset-no-config = impossible d’enregistrer le préréglage : le système n’indique aucun dossier de configuration
cli-cannot-resolve-out = impossible de résoudre --out
cli-preset-unsaved = impossible d’enregistrer le préréglage : { $path }
cli-preset-saved = préréglage « { $name } » enregistré : { $path }
cli-sizes-in = { $from } → { $to } en { $seconds } s
cli-watching = surveillance de { $folders } pour les images nouvelles et modifiées ; Ctrl-C pour arrêter
cli-watching-polling = surveillance de { $folders } pour les images nouvelles et modifiées, en regardant toutes les quelques secondes (le système ne signale pas les événements de fichiers ici) ; Ctrl-C pour arrêter
cli-gone = disparu : { $path } (ses copies restent)
cli-pass-failed = passe { $number } : { $error }
cli-pass = passe { $number } ({ $why })
cli-pass-first = première passe
cli-pass-changes = { $count } modifiées
cli-pass-retry = nouvel essai
cli-pass-rescan = nouvelle recherche
cli-folders = { $count } dossiers
cli-watched-for = surveillé pendant { $seconds } s
cli-not-put-back = non remis en place : { $why }
cli-undone = { $count } originaux remis en place, { $failed } n’ont pas pu l’être : { $path }
cli-nothing-to-undo = ce traitement n’a plus rien à annuler : { $path }
cli-plan = Plan : { $images } à réduire, { $skipped } ignorées, { $failed } en échec
cli-numbered = numérotée : { $path } est déjà pris
cli-replaces = remplace le fichier qui s’y trouve
cli-skipped = { $path } : ignorée : { $why }
cli-failed = en échec : { $error }
cli-output-folders = Dossiers de sortie (rien n’est créé) :
cli-copies = { $count ->
        [one] { $count } copie
       *[other] { $count } copies
    }
cli-no-copies = aucun : aucune copie ne serait écrite
cli-rule-rename = les noms pris reçoivent un numéro
cli-rule-skip = les entrées dont la copie existe sont ignorées
cli-rule-overwrite = les fichiers existants sont remplacés
cli-collisions = Collisions ({ $rule }) : { $numbered } numérotées, { $replaced } remplaçant un fichier
cli-up-to-date = À jour (ignorées) : { $count }
cli-estimate-head = Estimation : { $count } images, { $size }
cli-estimate-nothing = Estimation : rien à réduire
cli-estimate-none = aucune image de l’échantillon n’a pu être convertie, donc pas d’estimation
cli-estimate-time = ≈ { $time } avec { $threads ->
        [one] { $threads } fil
       *[other] { $threads } fils
    } (d’après { $sampled ->
        [one] { $sampled } image échantillon
       *[other] { $sampled } images échantillons
    })
cli-estimate-not-smaller = La plupart des copies de l’échantillon ({ $count } sur { $sampled }) ne sont pas plus petites que leurs originaux ; --skip-if-larger garde alors l’original

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = JPEG pour les sites web : tient dans 1920×1920, qualité 85, lieu retiré
preset-about-e-mail-1280 = JPEG assez petit pour un courriel : tient dans 1280×1280, qualité 80, lieu retiré
preset-about-phone-1080-webp = WebP pour téléphones et écrans : tient dans 1920×1080, qualité 80
preset-about-thumbnail-400 = Petits aperçus JPEG : tiennent dans 400×400, qualité 80, sans métadonnées
preset-about-archive-as-jpeg-xl = JPEG XL contenant chaque JPEG entier : un cinquième plus petit, et djxl rend exactement le JPEG
preset-described = { $format } : { $size }, { $quality }
preset-quality = qualité { $quality }
