# Os textos do Shrinkray em português do Brasil. Mesmas chaves e variáveis que en.ftl (src/i18n/tests.rs confere).
# Glossário: done = concluídas, failed = com falha, skipped = ignoradas, copy = cópia, original = original,
# output folder = pasta de saída, preset = predefinição, look = aparência.

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

add-folders = Adicionar pastas…
add-folders-help = Adicionar pastas de imagens (Ctrl+Shift+O)
add-files = Adicionar arquivos…
add-files-help = Adicionar arquivos de imagem (Ctrl+O)
dialog-open = Há uma caixa de diálogo aberta
shortcuts = Atalhos
shortcuts-help = Os atalhos de teclado (F1)
drop-here = Solte pastas ou imagens aqui
drop-or = ou
click-to-preview = Clique em uma imagem para ver a cópia antes de começar.
drop-wait = Aguarde o fim da tarefa
drop-to-add = Solte para adicionar
inputs = Entradas
preset = Predefinição

## Keyboard shortcuts (F1)

shortcuts-title = Atalhos de teclado
keys-enter = Enter
keys-esc = Esc
keys-space = Espaço
keys-ctrl-o = Ctrl+O
keys-ctrl-shift-o = Ctrl+Shift+O
keys-arrows = ← →
keys-tab = Tab, Shift+Tab
keys-f1 = F1
shortcut-start = Começar (quando nenhum campo de texto está sendo editado)
shortcut-esc = Fechar a prévia; senão, cancelar o processamento ou parar de observar
shortcut-pause = Pausar ou retomar o processamento
shortcut-add-files = Adicionar arquivos de imagem
shortcut-add-folders = Adicionar pastas
shortcut-arrows = A imagem anterior ou seguinte na prévia
shortcut-tab = Mover entre os controles; Espaço ou Enter aciona o que está em foco
shortcut-f1 = Mostrar ou ocultar esta lista

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = Nada a fazer
start-watch = Observar novas fotos
start-replace = Substituir { $n } { $count ->
        [one] original
       *[other] originais
    }
start-resize = Reduzir { $n } { $count ->
        [one] imagem
       *[other] imagens
    }
start-resize-some = Reduzir { $count } { $count ->
        [one] imagem
       *[other] imagens
    } ({ $fresh } em dia)
start-all-up-to-date = Todas as cópias estão em dia (desmarque “Só imagens novas e alteradas” para refazê-las)
start-help = Reduzir cada imagem (Enter)
start-replace-help = Substituir os originais por cópias menores, depois de perguntar (Enter)
keep-watching = Continuar observando
keep-watching-help = Depois deste processamento, fazer cópias das fotos novas e alteradas conforme chegam às entradas, até “Parar”
plan-counting = { $count }+ imagens (contando…)
plan-found = { $count ->
        [one] { $count } imagem
       *[other] { $count } imagens
    }, { $size }
plan-in-place = substituindo os originais (guardados { $place ->
        [trash] na lixeira
       *[other] em { $kept }
    })
plan-beside = em { $folder }/ ao lado de cada entrada
plan-no-output-folder = sem pasta de saída
plan-into = em { $path }
plan-look = aparência { $look }, nota ≥ { $score }
plan-score = qualidade pela aparência ≥ { $score }
plan-same-format = mesmo formato (JPEG { $quality })
plan-fit = encaixar { $width }×{ $height }
plan-fill = preencher { $width }×{ $height }
plan-stretch = esticar { $width }×{ $height }
plan-width = largura { $n }
plan-height = altura { $n }
plan-long-edge = lado maior { $n }
plan-percent = { $percent }%
plan-preset = predefinição { $name }
plan-threads = { $count ->
        [one] { $count } thread
       *[other] { $count } threads
    }
plan-estimating = estimando…
plan-estimate-nothing = nada a fazer
plan-estimate = ≈ { $size }, ≈ { $time }
plan-no-estimate = sem estimativa (as imagens de amostra falharam)
plan-fresh-to-do = { $fresh } em dia, { $count } a fazer
plan-fresh = { $fresh } em dia
plan-already-made = { $count } já feitas com estas configurações
would-not-shrink = ⚠ { $count } de { $sampled } imagens da amostra não ficariam menores (já estão no tamanho, recodificadas ficam maiores)
skip-if-larger = Ignorar se for maior
skip-if-larger-short-help = Copiar o original em vez disso quando a cópia reduzida no mesmo formato seria maior
blocked-running = Há uma tarefa em andamento
blocked-no-inputs = Adicione pastas ou arquivos para começar
blocked-no-images = Nenhuma imagem encontrada nas entradas
undo-in-progress = Devolvendo os originais…
blocked-in-place-extras = Substituir os originais faz uma só cópia de cada: remova os tamanhos extras
choose-output-folder = Escolha uma pasta de saída
closing-in = Fechando em { $s } s, como a predefinição pede
keep-open = Manter aberta
only-new-short = Só novas e alteradas
only-new-short-help = Ignorar as imagens cujas cópias estão em dia (sairiam iguais)
stop = Parar
stop-help = Parar de observar, depois das imagens em andamento (Esc)
cancel = Cancelar
cancel-help = Parar depois das imagens em andamento (Esc)
resume = Retomar
resume-help = Voltar a começar novas imagens (Espaço)
pause = Pausar
pause-help = Terminar as imagens em andamento e não começar nenhuma nova até retomar (Espaço)

## Settings: output

put-copies = Colocar as cópias
put-one-folder = em uma pasta
put-one-folder-help = Cada cópia vai para a pasta de saída abaixo
put-beside = ao lado de cada entrada
put-beside-help = Uma subpasta dentro de cada pasta adicionada (X/resized/), e ao lado das fotos adicionadas uma a uma: como faz “Reduzir com o Shrinkray” no gerenciador de arquivos
put-in-place = no lugar dos originais
put-in-place-help = Cada cópia menor toma o lugar, o nome e as datas do seu original; o original vai antes para a lixeira (ou uma pasta que você escolher). Pergunta antes de cada processamento.
originals-go-to = Os originais vão
the-trash = para a lixeira
the-trash-help = Recupere da lixeira com “Desfazer”, ou à mão pelo gerenciador de arquivos
a-folder = para uma pasta…
a-folder-help = Cada original no seu lugar sob o nome da sua pasta de entrada
undo-in-place = Desfazer a última substituição
undo-in-place-help = Devolver os originais para onde estavam; as cópias menores vão para onde os originais foram guardados
format = Formato
format-help = “Igual à entrada” mantém o formato de cada imagem (HEIC e formatos que o Shrinkray não sabe gravar viram JPEG, ou PNG com transparência). WebP e AVIF geram os menores arquivos para a web.
format-same = Igual à entrada
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP (sem perdas)
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL (a partir do JPEG, reversível)
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = Qualidade
quality-help = Qualidade de JPEG, WebP e AVIF: mais alta é mais nítida e maior; 85 serve bem para fotos
quality-mode-help = Escolher a qualidade pela aparência de cada cópia, ou dar um número para todas
quality-number = Número
quality-number-help = A mesma qualidade para cada imagem
quality-score = Nota { $score }
look-visually-lossless = Visualmente sem perdas
look-visually-lossless-means = Nenhuma diferença visível, mesmo alternando entre cópia e original a 100%
look-high = Alta
look-high-means = Cada foto pelo menos tão boa quanto uma exportação típica com qualidade 85
look-good = Boa
look-good-means = Artefatos difíceis de notar sem o original ao lado
look-help = { $means }: cada imagem recebe a menor qualidade cuja cópia alcança pelo menos { $score } no SSIMULACRA2 (cerca de vinte vezes mais lento que uma qualidade fixa)
png-compression = Compressão PNG
png-compression-help = “Rápida” grava PNGs várias vezes mais depressa; “Máxima” os deixa um pouco menores
png-fast = Rápida
png-balanced = Equilibrada
png-best = Máxima (lenta)
avif-speed = Velocidade AVIF
avif-speed-help = 0 gera os menores arquivos, muito devagar; 9 é o mais rápido. 8 leva cerca de 2 s para uma foto de 1920 pixels em um núcleo.
jxl-effort = Esforço JPEG XL
jxl-effort-help = 1 é o mais rápido; 9 gera os menores arquivos, devagar. 7 é a escolha da libjxl. Qualidade 100 gera um JPEG XL sem perdas.
subfolder = Subpasta
subfolder-help = O nome da subpasta criada ao lado de cada entrada
folder = Pasta
folder-help = Para onde vão as cópias
choose = Escolher…
choose-help = Escolher a pasta de saída
file-name = Nome do arquivo
file-name-help = Marcadores: { $tokens }
if-it-exists = Se já existir
if-it-exists-help = O que acontece quando um arquivo de saída já existe (um original nunca é substituído)
collision-rename = Acrescentar um número
collision-overwrite = Substituir
collision-skip = Ignorar a imagem
skip-if-larger-help = Manter uma cópia do original quando o arquivo reduzido seria maior que ele (originais já pequenos ou muito comprimidos)
only-new = Só imagens novas e alteradas
only-new-help = Ignorar as imagens cujas cópias na pasta de saída foram feitas do mesmo arquivo com as mesmas configurações e não foram mexidas desde então; o resto (novas, alteradas, com falha ou nunca terminadas) é feito
auto-report = Salvar um relatório ao lado das cópias
auto-report-help = Depois de cada processamento, gravar shrinkray-report-DATA.csv na pasta de saída: uma linha por imagem
target-size = Tamanho-alvo
target-size-help = Baixar a qualidade (nunca abaixo de 1) até que cada cópia tenha no máximo este tamanho
target-size-kb = Tamanho-alvo em kilobytes
at-most = no máximo
unit-kb = KB
shrink-to-fit = reduzir para caber
shrink-to-fit-help = Quando nem a qualidade 1 basta, diminuir a imagem em vez de marcá-la como falha

## Settings: size

section-size = Tamanho
section-output = Saída
section-threads = Threads
section-more-sizes = Mais tamanhos
section-metadata = Metadados e cor
section-advanced = Avançado
section-window = Janela
common-size = Tamanho comum
common-size-help = Tamanhos-alvo comuns; editar o tamanho abaixo o torna “Personalizado”
mode = Modo
mode-fit = Encaixar dentro
mode-fit-help = O maior tamanho que cabe na moldura, mantendo a forma
mode-fill = Preencher e recortar
mode-fill-help = Cobrir a moldura e recortar o centro exatamente no seu tamanho
mode-stretch = Esticar
mode-stretch-help = Exatamente a moldura, ignorando a forma
mode-width = Largura
mode-width-help = Esta largura; a altura acompanha
mode-height = Altura
mode-height-help = Esta altura; a largura acompanha
mode-long-edge = Lado maior
mode-long-edge-help = O lado mais longo passa a ter este comprimento
mode-percent = Porcentagem
mode-percent-help = Escalar os dois lados por uma porcentagem
box = Moldura
width-in-pixels = Largura em pixels
height-in-pixels = Altura em pixels
long-edge-in-pixels = Lado maior em pixels
unit-px = px
scale = Escala
scale-help = Porcentagem do tamanho original
dont-enlarge = Não ampliar
dont-enlarge-help = Imagens menores que o alvo mantêm o tamanho
more-sizes-intro = Cada imagem também é gravada nestes tamanhos, decodificada uma só vez para todos.
main-copy-is = A cópia principal é
main-copy-is-help = O que {"{"}size{"}"} no nome do arquivo dá para a cópia principal
extra-name-help = O nome dela, que {"{"}size{"}"} no nome do arquivo dá
extra-edge-help = O lado maior dela
size-name = Nome do tamanho
named-value = { $name }: { $value }
remove-size = Remover este tamanho
add-size = Adicionar um tamanho

## Settings: advanced, metadata, threads, window

threads-help = Quantas imagens são reduzidas ao mesmo tempo. Mais threads terminam antes, mas usam mais memória; “Auto” usa todos os núcleos (ou RAYON_NUM_THREADS). Vale para a próxima tarefa.
auto-value = Auto ({ $value })
threads-unit = threads
filter = Filtro
filter-help = Filtro de reamostragem: Lanczos3 é o mais nítido para fotos; “Vizinho mais próximo” mantém pixel art nítida
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = Bilinear
filter-nearest = Vizinho mais próximo (pixel art)
background = Fundo
background-help = No que as partes transparentes se tornam em formatos sem transparência (JPEG)
jpeg-colour = Cor do JPEG
jpeg-colour-help = Subamostragem de croma: quanto detalhe de cor as cópias JPEG mantêm. 4:2:0 gera os menores arquivos e serve para fotos; 4:4:4 mantém limpos texto vermelho e bordas de cor nítidas
subsampling-auto = Auto (4:4:4 a partir da qualidade 90, e com jpegli)
subsampling-420 = 4:2:0 (menor)
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4 (cor completa)
jpeg-encoder = Codificador JPEG
jpeg-encoder-help = O jpegli alcança uma aparência com cerca de um décimo a menos de bytes que o libjpeg-turbo; com qualidade fixa, o libjpeg-turbo mantém a escala de qualidade conhecida. “Auto” usa cada um onde é melhor
encoder-auto = Auto (jpegli para uma aparência)
encoder-turbo = libjpeg-turbo (mais rápido)
encoder-jpegli = jpegli (menor)
sharpen = Nitidez para tela
sharpen-help = Uma leve máscara de nitidez nas cópias reduzidas, dosada pela redução: bordas mais nítidas na tela
progressive = JPEG progressivo
progressive-help = Cópias JPEG que aparecem grosseiras primeiro e ganham nitidez ao carregar; um pouco menores, mais lentas de gravar
optimise-jpeg = Otimizar JPEGs sem perdas
optimise-jpeg-help = JPEGs que já estão no tamanho não são recodificados: a codificação é otimizada, então a cópia tem exatamente os mesmos pixels e metadados, um pouco menor
only-if-needed = Só quando precisar
only-if-needed-help = Imagens que já estão no tamanho (e no tamanho de arquivo visado) e ficam no seu formato são copiadas como estão, sem recodificar
recursive = Incluir subpastas
recursive-help = Procurar imagens também nas pastas dentro das pastas adicionadas
print-density = Densidade de impressão
print-density-help = Os pontos por polegada que as cópias declaram, para impressão: gravados nos cabeçalhos JPEG, PNG, TIFF e BMP e no EXIF
dpi-as-written = como gravada
dpi-original = a do original
dpi-value = { $n } dpi
unit-dpi = dpi
keep-dates = Manter datas
keep-dates-help = Dar a cada cópia a data de modificação do seu original
strip-metadata = Remover metadados
strip-metadata-help = Omitir EXIF, XMP e IPTC (câmera, data, autor, direitos autorais, local); o perfil de cor fica. Desativado, eles são mantidos, com orientação, tamanho em pixels e miniatura corrigidos para a cópia.
remove-location = Remover local
remove-location-help = Omitir onde a foto foi tirada (GPS) e manter o resto dos metadados
to-srgb = Converter para sRGB
to-srgb-help = Converter para sRGB as cores de fotos Adobe RGB, Display P3 e outras de gama ampla, para sites e aplicativos que ignoram perfis de cor. Desativado, o perfil original fica como está.
linear = Reduzir em luz linear
linear-help = Reamostragem com correção de gama: detalhes finos e claros sobre o escuro (estrelas, janelas acesas, texto) mantêm o brilho. Um pouco mais lento.
largest-image = Maior imagem
largest-image-help = Imagens com mais megapixels que isto são recusadas antes de serem decodificadas, para que um arquivo danificado ou malicioso não tome toda a memória. Panoramas reais raramente passam de 256 MP.
unit-mp = MP
memory = Memória para imagens
memory-help = Quanta memória as imagens decodificadas de todas as threads podem ocupar juntas; uma thread espera antes de começar uma imagem que passaria disso. “Auto” é um quarto da memória deste computador.
unit-gb = GB

## Notices, the in-place run and its undo

report-saved = Relatório salvo: { $path }
report-save-failed = não foi possível salvar o relatório: { $path }
output-inside-file = A pasta de saída está dentro de um arquivo: { $path }
output-read-only = Não é possível gravar na pasta de saída: { $path }
open-folder-failed = não foi possível abrir o gerenciador de arquivos: { $error }: { $path }
in-place-title = Substituir os originais de { $n } { $count ->
        [one] imagem
       *[other] imagens
    }?
in-place-explain = Cada imagem cuja cópia sai menor substitui o seu original, mantendo nome, datas e permissões. Os originais vão antes { $place ->
        [trash] para a lixeira
       *[other] para { $kept }
    }; “Desfazer a última substituição” os devolve.
in-place-exceptions = Links simbólicos, arquivos com vários nomes e cópias que não ficam menores continuam como estão.
in-place-confirm = Substituir os originais
undo-nothing = Não resta nenhuma substituição para desfazer
undo-start-failed = não foi possível começar a desfazer: { $error }
undo-done = { $count ->
        [one] { $count } original devolvido
       *[other] { $count } originais devolvidos
    }
undo-partly-done = { $count ->
        [one] { $count } original devolvido
       *[other] { $count } originais devolvidos
    }; { $failed } não puderam ser, o primeiro: { $first }

## Inputs and presets

inputs-empty = Solte pastas ou imagens aqui, ou use “Adicionar pastas…” / “Adicionar arquivos…”.
remove-input = Remover { $name }
input-count = { $count ->
        [one] { $count } imagem
       *[other] { $count } imagens
    } · { $size }
counting = Contando imagens…
clear-all = Limpar tudo
size-small = Pequeno
size-medium = Médio
size-large = Grande
size-phone = Celular
size-custom = Personalizado
preset-none = Nenhuma (suas configurações)
preset-changed = { $name }, alterada
preset-unknown = Não há predefinição chamada “{ $name }”; há: { $names }
preset-help = Uma predefinição ajusta de uma vez tamanho, formato, qualidade, nomes e metadados
preset-close-when-done = Fechar quando iniciada pelo gerenciador de arquivos
preset-close-when-done-help = Quando esta predefinição é iniciada pelo menu do gerenciador de arquivos e todas as imagens estão prontas, a janela se fecha sozinha depois de alguns segundos
preset-save-as = Salvar como…
preset-save-as-help = Salvar as configurações atuais como predefinição
preset-rename = Renomear…
preset-delete = Excluir
preset-reset = Restaurar as incluídas
preset-reset-help = Deixar as predefinições que vêm com o Shrinkray como eram; as suas ficam
preset-name = Nome
preset-name-hint = Nome da predefinição
ok = OK
presets-no-config-folder = não é possível salvar as predefinições: o sistema não indica nenhuma pasta de configuração
presets-save-failed = não foi possível salvar as predefinições ({ $error }): { $path }
menus-add = Adicionar ao gerenciador de arquivos
menus-add-explorer = Adicionar ao Explorador
menus-add-help = Colocar “Reduzir com o Shrinkray” com estas predefinições no menu de contexto do Dolphin, Nautilus, Nemo, Thunar, Caja e PCManFM (suas próprias entradas de menu continuam como estão)
menus-adding = Adicionando os menus…
menus-added = “Reduzir com o Shrinkray” está nos menus dos gerenciadores de arquivos ({ $count ->
        [one] { $count } predefinição
       *[other] { $count } predefinições
    })
menus-added-explorer = “Reduzir com o Shrinkray” está no menu do Explorador ({ $count ->
        [one] { $count } predefinição
       *[other] { $count } predefinições
    })
menus-failed = { $count } dos arquivos de menu não puderam ser gravados; o primeiro: { $first }

## The run: progress, summary, errors

copies-made = { $count ->
        [one] { $count } cópia feita
       *[other] { $count } cópias feitas
    }
n-done = { $count } concluídas
n-failed = { $count } com falha
n-skipped = { $count } ignoradas
n-not-started = { $count } não iniciadas
notify-could-not-start = O Shrinkray não conseguiu começar
notify-stopped-watching = O Shrinkray parou de observar
notify-cancelled = Shrinkray: cancelado
notify-done-with-failures = Shrinkray: concluído, com falhas
notify-done = Shrinkray: concluído
notify-show = Mostrar o Shrinkray
dock-badge = { $percent }%
menu-resize-with = Reduzir com o Shrinkray
menu-resize-tip = Fazer cópias menores
title-idle = Shrinkray
title-watching = Observando · { $done } concluídas · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = Pausado · { $done }/{ $total } · Shrinkray
title-starting = Começando · Shrinkray
title-cancelled = Cancelado · Shrinkray
title-done-failed = Concluído, { $failed } com falha · Shrinkray
title-done = Concluído · Shrinkray
finding-images = Procurando imagens…
progress-bar = { $done } / { $total }
progress-speed = { $rate } imagens/s · { $elapsed } decorrido · faltam { $left }
progress-cancelling = cancelando: as imagens em andamento terminam antes
progress-paused = pausado: as imagens em andamento terminam, nenhuma nova começa
watching-inputs = Observando as entradas
watching-folders = Observando { $count ->
        [one] { $count } pasta
       *[other] { $count } pastas
    }
last-copy-now = última cópia agora mesmo
last-copy-ago = última cópia há { $time }
watching-waiting = as cópias de novas fotos aparecem conforme chegam
watching-stopping = parando: as imagens em andamento terminam antes
summary-could-not-start = Não foi possível começar
summary-stopped-watching = Parou de observar
summary-cancelled = Cancelado
summary-finished = Concluído
summary-counts = { $done } concluídas, { $failed } com falha, { $skipped } ignoradas
show-copies = Mostrar as cópias
show-copies-help = Abrir { $path } no gerenciador de arquivos
retry-failed = Repetir as com falha ({ $count })
retry-failed-help = Processar de novo, sozinhas, as imagens que falharam, com as configurações atuais
save-report = Salvar relatório…
save-report-help = Salvar um CSV com uma linha por imagem: situação, motivo, tamanhos, qualidade, tempo
errors = Erros ({ $count })
copy-all = Copiar tudo
copy-all-help = Copiar todas as mensagens de erro

## Thumbnails, the preview, dialogs, the desktop

percent = { $n }%
tile-not-started = não iniciada, { $size }
tile-not-started-sized = não iniciada, { $width }×{ $height }, { $size }
tile-done = concluída, { $sizes }, { $bytes }
tile-click-preview = Clique para ver a prévia da cópia
tile-click-compare = Clique para comparar com o original
tile-kept-original = o original, copiado: reduzido, ficava maior
tile-look = qualidade { $quality }, escolhida pela aparência: SSIMULACRA2 { $score }
tile-also = também { $path } ({ $width }×{ $height }, { $size })
preview-back = ← Voltar para a grade
preview-back-help = Fechar a prévia (Esc)
preview-previous = Imagem anterior (←)
preview-next = Próxima imagem (→)
preview-position = { $n } de { $count }
preview-making = Fazendo a cópia com as configurações atuais…
preview-split = Dividida
preview-split-help = O original à esquerda da linha, a cópia à direita; arraste a linha
preview-side-by-side = Lado a lado
preview-fit = Encaixar
preview-zoom-help = Um pixel da cópia para um da tela, vezes este valor (clique duas vezes na imagem)
preview-scaled = (cópia mostrada a { $percent }% do seu tamanho)
preview-original = Original
preview-copy = Cópia
preview-spoken = Prévia: original e cópia
preview-chosen-by-look = escolhida pela aparência: SSIMULACRA2 { $score }
preview-figures = Original { $input }, { $input_bytes } → cópia { $output }, { $format }, { $output_bytes }
dialog-add-images = Adicionar imagens
dialog-images = Imagens
dialog-all-files = Todos os arquivos
dialog-add-folders = Adicionar pastas
dialog-output-folder = Pasta de saída
dialog-backup-folder = Guardar os originais em
dialog-save-report = Salvar relatório
theme = Tema
theme-help = Claro ou escuro, ou como o ambiente de trabalho disser (acompanhado enquanto o Shrinkray roda)
theme-system = Como o sistema
theme-light = Claro
theme-dark = Escuro
language = Idioma
language-help = O idioma da janela; “Como o sistema” segue a configuração de idioma do ambiente de trabalho
language-system = Como o sistema
notify-when-done = Avisar quando um processamento longo terminar
notify-when-done-help = Quando um processamento de mais de dez segundos termina e o Shrinkray não está na frente, o ambiente de trabalho avisa; clicar no aviso traz a janela para a frente

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = não é possível ler o arquivo: { $why }: { $path }
error-not-a-file = não é um arquivo comum: { $path }
error-not-an-image = não é uma imagem (conteúdo não reconhecido): { $path }
error-unsupported = formato de imagem sem suporte { $format }: { $path }
error-not-built-in = o suporte a { $format } não está incluído: { $path }
error-codec = não é possível decodificar a imagem { $format }: { $why }: { $path }
error-file-too-large = arquivo grande demais: { $bytes } bytes passam do limite de { $max } bytes: { $path }
error-decode = não é possível decodificar a imagem: { $why }: { $path }
error-jpeg = não é possível decodificar o JPEG: { $why }: { $path }
error-truncated = o arquivo está truncado (os dados da imagem param antes do fim): { $path }
error-too-large = imagem grande demais: { $width }×{ $height } passa do limite de { $max } pixels: { $path }
error-resize = não é possível redimensionar a imagem: { $why }: { $path }
error-encode = não é possível codificar a saída: { $why }: { $path }
error-over-target = mesmo com qualidade 1 a cópia ocupa { $bytes } bytes, mais que o alvo de { $target } bytes (permita reduzir para caber, ou um tamanho menor): { $path }
error-write = não é possível gravar a saída: { $why }: { $path }
error-output-is-input = a saída substituiria um arquivo de entrada, o que o Shrinkray nunca faz: { $path }
error-output-appeared = o arquivo de saída apareceu durante a tarefa e foi deixado como estava: { $path }
error-refused = não é possível gravar a cópia: { $why }: { $path }
error-panicked = erro interno ao processar a imagem ({ $why }): { $path }
error-output-dir = não é possível usar a pasta de saída: { $why }: { $path }
error-report = não é possível gravar o relatório: { $why }: { $path }
error-failed-list = não é possível gravar a lista de falhas: { $why }: { $path }
error-busy = outro processamento do Shrinkray está gravando nesta pasta de saída (espere ele terminar ou escolha outra pasta): { $path }
error-in-place = não é possível reduzir no lugar: { $why }
error-internal = erro interno: { $why }
error-thread-pool = não é possível iniciar { $count } threads de trabalho: { $why }
error-quality = qualidade { $value } inválida: deve estar entre 1 e 100
error-min-score = nota { $value } inválida: um alvo SSIMULACRA2 deve estar entre 1 e 100
error-avif-speed = velocidade AVIF { $value } inválida: deve estar entre 0 e 9
error-jxl-effort = esforço JPEG XL { $value } inválido: deve estar entre 1 e 9
error-no-output-dir = nenhuma pasta de saída escolhida
error-settings = { $why }
skip-up-to-date = em dia
skip-output-exists = a saída existe: { $path }
skip-no-output = nenhuma saída pedida
skip-not-regular = não é um arquivo comum
skip-link-loop = laço de links simbólicos
skip-broken-link = link simbólico quebrado
skip-unsupported = imagens { $format } não são suportadas
skip-not-an-image = não é uma imagem
skip-left-alone = deixado como está: { $why }
skip-already-shrunk = já reduzido no lugar

## shrinkray-cli's human output (its JSON stays English)

cli-error = erro: { $error }
cli-cancelled = cancelado
cli-eta = restam
cli-mode-needs-both = --mode fill e --mode stretch precisam de --width e --height
cli-invalid-options = opções inválidas
cli-cannot-plan = não é possível planejar o trabalho
cli-estimate-cancelled = a estimativa foi cancelada
cli-stdout = não é possível escrever na saída padrão
cli-list-from-stdin = não é possível ler a lista de entradas da entrada padrão
cli-list-unreadable = não é possível ler a lista de entradas: { $path }
cli-list-empty = nenhuma entrada: a lista está vazia: { $path }
cli-no-output-folder = nenhuma pasta de saída: informe --out
cli-dry-run-beside = uma simulação precisa de uma única pasta de saída, e a predefinição põe as cópias em “{ $folder }” ao lado de cada entrada: informe --out
cli-cannot-put-beside = não é possível pôr as cópias ao lado das entradas
cli-cannot-start = não é possível iniciar o trabalho
cli-no-result = o trabalho terminou sem informar o resultado
cli-no-ctrl-c = não é possível instalar o tratamento de Ctrl-C
cli-cancelling = cancelando; as imagens em andamento terminam primeiro (Ctrl-C de novo para sair já)
cli-watch-json-report = --watch acrescenta ao relatório após cada passada: informe um relatório .csv ou .jsonl, não .json
cli-cannot-watch = não é possível começar a observar
cli-stopping = parando; as imagens em andamento terminam primeiro
cli-watch-no-result = a observação terminou sem informar o resultado
cli-preset-no-config = não é possível salvar a predefinição: o sistema não indica nenhuma pasta de configuração
cli-cannot-resolve-out = não é possível resolver --out
cli-preset-unsaved = não é possível salvar a predefinição: { $path }
cli-preset-saved = predefinição “{ $name }” salva: { $path }
cli-sizes-in = { $from } → { $to } em { $seconds } s
cli-watching = observando { $folders } em busca de imagens novas e alteradas; Ctrl-C para parar
cli-watching-polling = observando { $folders } em busca de imagens novas e alteradas, olhando a cada poucos segundos (aqui o sistema não avisa sobre eventos de arquivos); Ctrl-C para parar
cli-gone = sumiu: { $path } (as cópias ficam)
cli-pass-failed = passada { $number }: { $error }
cli-pass = passada { $number } ({ $why })
cli-pass-first = primeira passada
cli-pass-changes = { $count } alteradas
cli-pass-retry = nova tentativa
cli-pass-rescan = nova busca
cli-folders = { $count } pastas
cli-watched-for = observado por { $seconds } s
cli-not-put-back = não devolvido: { $why }
cli-undone = { $count } originais devolvidos, { $failed } não puderam ser: { $path }
cli-nothing-to-undo = o processamento não tem mais nada para desfazer: { $path }
cli-plan = Plano: { $images } para reduzir, { $skipped } ignoradas, { $failed } com falha
cli-numbered = numerada: { $path } já existe
cli-replaces = substitui o arquivo que está lá
cli-skipped = { $path }: ignorada: { $why }
cli-failed = com falha: { $error }
cli-output-folders = Pastas de saída (nada é criado):
cli-copies = { $count ->
        [one] { $count } cópia
       *[other] { $count } cópias
    }
cli-no-copies = nenhuma: nenhuma cópia seria gravada
cli-rule-rename = nomes já usados ganham um número
cli-rule-skip = entradas cuja cópia existe são ignoradas
cli-rule-overwrite = arquivos existentes são substituídos
cli-collisions = Colisões ({ $rule }): { $numbered } numeradas, { $replaced } substituindo um arquivo
cli-up-to-date = Em dia (ignoradas): { $count }
cli-estimate-head = Estimativa: { $count } imagens, { $size }
cli-estimate-nothing = Estimativa: nada para reduzir
cli-estimate-none = nenhuma imagem de amostra pôde ser convertida, então não há estimativa
cli-estimate-time = ≈ { $time } com { $threads ->
        [one] { $threads } thread
       *[other] { $threads } threads
    } (a partir de { $sampled ->
        [one] { $sampled } imagem de amostra
       *[other] { $sampled } imagens de amostra
    })
cli-estimate-not-smaller = A maioria das cópias de amostra ({ $count } de { $sampled }) não é menor que os originais; --skip-if-larger mantém o original nesse caso

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = JPEG para sites: cabe em 1920×1920, qualidade 85, local removido
preset-about-e-mail-1280 = JPEG pequeno o bastante para e-mail: cabe em 1280×1280, qualidade 80, local removido
preset-about-phone-1080-webp = WebP para celulares e telas: cabe em 1920×1080, qualidade 80
preset-about-thumbnail-400 = Pequenas prévias em JPEG: cabem em 400×400, qualidade 80, sem metadados
preset-about-archive-as-jpeg-xl = JPEG XL que guarda cada JPEG inteiro: um quinto menor, e o djxl devolve exatamente o JPEG
preset-described = { $format }: { $size }, { $quality }
preset-quality = qualidade { $quality }
