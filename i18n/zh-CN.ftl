# Shrinkray 的简体中文文本。键和变量与 en.ftl 相同（src/i18n/tests.rs 会检查）。
# 术语：done = 已完成，failed = 失败，skipped = 已跳过，copy = 副本，original = 原图，
# output folder = 输出文件夹，preset = 预设，look = 观感。
# 中文没有复数形式；只有一个分支的选择表达式只是为了用上英文用到的变量。

## Sizes and times

size-b = { $n } B
size-kb = { $n } KB
size-mb = { $n } MB
size-gb = { $n } GB
size-tb = { $n } TB
time-under-a-second = 不到 1 秒
time-seconds = { $s } 秒
time-minutes-seconds = { $m } 分 { $s } 秒
time-minutes = { $m } 分钟
time-hours-minutes = { $h } 小时 { $m } 分

## The top bar and the empty window

add-folders = 添加文件夹…
add-folders-help = 添加图片文件夹（Ctrl+Shift+O）
add-files = 添加文件…
add-files-help = 添加图片文件（Ctrl+O）
dialog-open = 有一个对话框已打开
shortcuts = 快捷键
shortcuts-help = 键盘快捷键（F1）
drop-here = 将文件夹或图片拖放到这里
drop-or = 或
click-to-preview = 点击一张图片，在开始前查看它的副本。
drop-wait = 请等待任务完成
drop-to-add = 松开即可添加
inputs = 输入
preset = 预设

## Keyboard shortcuts (F1)

shortcuts-title = 键盘快捷键
keys-enter = Enter
keys-esc = Esc
keys-space = 空格
keys-ctrl-o = Ctrl+O
keys-ctrl-shift-o = Ctrl+Shift+O
keys-arrows = ← →
keys-tab = Tab，Shift+Tab
keys-f1 = F1
shortcut-start = 开始（没有正在编辑的文本框时）
shortcut-esc = 关闭预览；否则取消运行或停止监视
shortcut-pause = 暂停或继续运行
shortcut-add-files = 添加图片文件
shortcut-add-folders = 添加文件夹
shortcut-arrows = 预览中的上一张或下一张图片
shortcut-tab = 在控件之间移动；空格或 Enter 按下当前焦点所在的控件
shortcut-f1 = 显示或隐藏此列表

## Start, the plan line and the bottom bar

count-so-far = { $count }+
start-nothing = 无事可做
start-watch = 监视新照片
start-replace = { $count ->
       *[other] 替换 { $n } 张原图
    }
start-resize = { $count ->
       *[other] 缩小 { $n } 张图片
    }
start-resize-some = 缩小 { $count } 张图片（{ $fresh } 张已是最新）
start-all-up-to-date = 每个副本都已是最新（取消勾选“仅新的和更改过的图片”即可重新生成）
start-help = 缩小每张图片（Enter）
start-replace-help = 询问后用更小的副本替换原图（Enter）
keep-watching = 持续监视
keep-watching-help = 本次运行之后，新的和更改过的照片一到达输入就生成副本，直到点击“停止”
plan-counting = { $count }+ 张图片（正在计数…）
plan-found = { $count } 张图片，{ $size }
plan-in-place = 替换原图（原图保存在{ $place ->
        [trash] 回收站
       *[other] { $kept }
    }）
plan-beside = 放入每个输入旁边的 { $folder }/
plan-no-output-folder = 没有输出文件夹
plan-into = 放入 { $path }
plan-look = { $look }观感，分数 ≥ { $score }
plan-score = 按观感选质量 ≥ { $score }
plan-same-format = 相同格式（JPEG { $quality }）
plan-fit = 适应 { $width }×{ $height }
plan-fill = 填充 { $width }×{ $height }
plan-stretch = 拉伸 { $width }×{ $height }
plan-width = 宽度 { $n }
plan-height = 高度 { $n }
plan-long-edge = 长边 { $n }
plan-percent = { $percent }%
plan-preset = 预设 { $name }
plan-threads = { $count } 个线程
plan-estimating = 正在估算…
plan-estimate-nothing = 无事可做
plan-estimate = ≈ { $size }，≈ { $time }
plan-no-estimate = 无法估算（抽样图片处理失败）
plan-fresh-to-do = { $fresh } 张已是最新，{ $count } 张待处理
plan-fresh = { $fresh } 张已是最新
plan-already-made = { $count } 张已用这些设置生成过
would-not-shrink = ⚠ 抽样的 { $sampled } 张图片中有 { $count } 张不会变小（已在目标尺寸内，重新编码后更大）
skip-if-larger = 变大则跳过
skip-if-larger-short-help = 当同格式的缩小副本会更大时，改为复制原图
blocked-running = 有任务正在运行
blocked-no-inputs = 添加文件夹或文件即可开始
blocked-no-images = 输入中没有找到图片
undo-in-progress = 正在放回原图…
blocked-in-place-extras = 替换原图时每张只生成一个副本：请移除额外尺寸
choose-output-folder = 请选择输出文件夹
closing-in = { $s } 秒后关闭，按预设的要求
keep-open = 保持打开
only-new-short = 仅新的和更改过的
only-new-short-help = 跳过副本已是最新的图片（重新生成结果也一样）
stop = 停止
stop-help = 处理完进行中的图片后停止监视（Esc）
cancel = 取消
cancel-help = 处理完进行中的图片后停止（Esc）
resume = 继续
resume-help = 重新开始处理新图片（空格）
pause = 暂停
pause-help = 完成进行中的图片，继续之前不再开始新图片（空格）

## Settings: output

put-copies = 副本位置
put-one-folder = 放在一个文件夹中
put-one-folder-help = 每个副本都放入下方的输出文件夹
put-beside = 放在每个输入旁边
put-beside-help = 在每个添加的文件夹内建一个子文件夹（X/resized/），单独添加的照片则放在其旁边：与文件管理器中的“用 Shrinkray 缩小”相同
put-in-place = 替换原图
put-in-place-help = 每个更小的副本取代原图的位置、名称和日期；原图先移到回收站（或你选择的文件夹）。每次运行前都会询问。
originals-go-to = 原图移到
the-trash = 回收站
the-trash-help = 可用“撤销”从回收站放回，也可以在文件管理器中手动恢复
a-folder = 一个文件夹…
a-folder-help = 每张原图放在其输入文件夹名称下的相应位置
undo-in-place = 撤销上一次替换
undo-in-place-help = 把原图放回原处；更小的副本移到原图保存的位置
format = 格式
format-help = “与输入相同”保留每张图片的格式（HEIC 和 Shrinkray 无法写入的格式会变成 JPEG，有透明度时变成 PNG）。WebP 和 AVIF 生成最小的网页文件。
format-same = 与输入相同
format-jpeg = JPEG
format-png = PNG
format-webp = WebP
format-webp-lossless = WebP（无损）
format-avif = AVIF
format-jxl = JPEG XL
format-jxl-from-jpeg = JPEG XL（由 JPEG 转换，可还原）
format-tiff = TIFF
format-bmp = BMP
format-gif = GIF
quality = 质量
quality-help = JPEG、WebP 和 AVIF 的质量：越高越清晰、文件越大；照片用 85 即可
quality-mode-help = 按每个副本的观感选择质量，或给所有图片一个统一的数值
quality-number = 数值
quality-number-help = 每张图片使用相同的质量
quality-score = 分数 { $score }
look-visually-lossless = 视觉无损
look-visually-lossless-means = 即使在 100% 下来回切换副本和原图也看不出差别
look-high = 高
look-high-means = 每张照片至少和常见的质量 85 导出一样好
look-good = 良好
look-good-means = 不与原图对照就很难察觉的瑕疵
look-help = { $means }：每张图片取副本 SSIMULACRA2 分数至少为 { $score } 的最低质量（比固定质量慢约二十倍）
png-compression = PNG 压缩
png-compression-help = “快速”写 PNG 快好几倍；“最佳”让文件再小一点
png-fast = 快速
png-balanced = 均衡
png-best = 最佳（慢）
avif-speed = AVIF 速度
avif-speed-help = 0 生成最小的文件但非常慢；9 最快。在单核上处理一张 1920 像素的照片，8 约需 2 秒。
jxl-effort = JPEG XL 力度
jxl-effort-help = 1 最快；9 生成最小的文件但较慢。7 是 libjxl 的默认选择。质量 100 生成无损 JPEG XL。
subfolder = 子文件夹
subfolder-help = 在每个输入旁边创建的子文件夹名称
folder = 文件夹
folder-help = 副本存放的位置
choose = 选择…
choose-help = 选择输出文件夹
file-name = 文件名
file-name-help = 占位符：{ $tokens }
if-it-exists = 如果已存在
if-it-exists-help = 输出文件已存在时如何处理（原图永远不会被替换）
collision-rename = 添加编号
collision-overwrite = 替换它
collision-skip = 跳过该图片
skip-if-larger-help = 缩小后的文件比原图还大时（原图已很小或压缩率很高），改为保留原图的副本
only-new = 仅新的和更改过的图片
only-new-help = 跳过那些输出文件夹中的副本由同一文件、同样设置生成且之后未被改动的图片；其余（新的、更改过的、失败的或未完成的）都会生成
auto-report = 在副本旁保存报告
auto-report-help = 每次运行后，在输出文件夹中写入 shrinkray-report-日期.csv：每张图片一行
target-size = 目标大小
target-size-help = 逐步降低质量（最低为 1），直到每个副本不超过这个大小
target-size-kb = 目标大小（KB）
at-most = 不超过
unit-kb = KB
shrink-to-fit = 缩小以适应
shrink-to-fit-help = 即使质量为 1 仍然太大时，把图片缩小，而不是判为失败

## Settings: size

section-size = 尺寸
section-output = 输出
section-threads = 线程
section-more-sizes = 更多尺寸
section-metadata = 元数据和颜色
section-advanced = 高级
section-window = 窗口
common-size = 常用尺寸
common-size-help = 常用目标尺寸；修改下方尺寸后会变为“自定义”
mode = 模式
mode-fit = 适应框内
mode-fit-help = 保持比例，能放进框内的最大尺寸
mode-fill = 填充并裁剪
mode-fill-help = 铺满整个框，并把中间部分裁剪成框的确切尺寸
mode-stretch = 拉伸
mode-stretch-help = 正好是框的尺寸，不保持比例
mode-width = 宽度
mode-width-help = 使用此宽度；高度随之调整
mode-height = 高度
mode-height-help = 使用此高度；宽度随之调整
mode-long-edge = 长边
mode-long-edge-help = 较长的一边变为此长度
mode-percent = 百分比
mode-percent-help = 按百分比缩放两边
box = 框
width-in-pixels = 宽度（像素）
height-in-pixels = 高度（像素）
long-edge-in-pixels = 长边（像素）
unit-px = 像素
scale = 比例
scale-help = 原始尺寸的百分比
dont-enlarge = 不放大
dont-enlarge-help = 比目标小的图片保持原尺寸
more-sizes-intro = 每张图片还会以这些尺寸写出，所有尺寸只解码一次。
main-copy-is = 主副本名为
main-copy-is-help = 文件名中的 {"{"}size{"}"} 对主副本给出的值
extra-name-help = 它的名称，即文件名中 {"{"}size{"}"} 给出的值
extra-edge-help = 它的长边
size-name = 尺寸名称
named-value = { $name }：{ $value }
remove-size = 移除此尺寸
add-size = 添加尺寸

## Settings: advanced, metadata, threads, window

threads-help = 同时缩小多少张图片。线程越多完成越快，但占用内存也越多；“自动”使用所有核心（或 RAYON_NUM_THREADS）。从下一个任务起生效。
auto-value = 自动（{ $value }）
threads-unit = 个线程
filter = 滤镜
filter-help = 重采样滤镜：Lanczos3 对照片最清晰；“最近邻”让像素画保持锐利
filter-lanczos3 = Lanczos3
filter-catmull-rom = Catmull-Rom
filter-mitchell = Mitchell
filter-bilinear = 双线性
filter-nearest = 最近邻（像素画）
background = 背景
background-help = 在不支持透明的格式（JPEG）中，透明部分变成的颜色
jpeg-colour = JPEG 颜色
jpeg-colour-help = 色度抽样：JPEG 副本保留多少颜色细节。4:2:0 文件最小，适合照片；4:4:4 让红色文字和锐利的颜色边缘保持干净
subsampling-auto = 自动（质量 90 起以及使用 jpegli 时为 4:4:4）
subsampling-420 = 4:2:0（最小）
subsampling-422 = 4:2:2
subsampling-444 = 4:4:4（完整颜色）
jpeg-encoder = JPEG 编码器
jpeg-encoder-help = 达到同样的观感，jpegli 比 libjpeg-turbo 少用约十分之一的字节；固定质量时，libjpeg-turbo 保留大家熟悉的质量标尺。“自动”在各自更好的场合使用它们
encoder-auto = 自动（按观感时用 jpegli）
encoder-turbo = libjpeg-turbo（最快）
encoder-jpegli = jpegli（最小）
sharpen = 为屏幕锐化
sharpen-help = 对缩小的副本施加轻度 USM 锐化，力度随缩小程度而定：屏幕上的边缘更清晰
progressive = 渐进式 JPEG
progressive-help = JPEG 副本先粗略显示，加载时逐渐清晰；文件略小，写入较慢
optimise-jpeg = 无损优化 JPEG
optimise-jpeg-help = 已在目标尺寸内的 JPEG 不重新编码，只优化其编码，因此副本的像素和元数据完全相同，文件略小
only-if-needed = 仅在需要时处理
only-if-needed-help = 已在目标尺寸（和目标文件大小）内且格式不变的图片原样复制，不重新编码
recursive = 包含子文件夹
recursive-help = 也在所添加文件夹内的文件夹中查找图片
print-density = 打印分辨率
print-density-help = 副本声明的每英寸点数，用于打印：写入 JPEG、PNG、TIFF 和 BMP 的文件头以及 EXIF
dpi-as-written = 按编码器写入
dpi-original = 与原图相同
dpi-value = { $n } dpi
unit-dpi = dpi
keep-dates = 保留日期
keep-dates-help = 让每个副本使用其原图的修改时间
strip-metadata = 去除元数据
strip-metadata-help = 不保留 EXIF、XMP 和 IPTC（相机、日期、作者、版权、位置）；颜色配置文件保留。关闭时保留它们，并为副本修正方向、像素尺寸和缩略图。
remove-location = 去除位置
remove-location-help = 不保留照片的拍摄地点（GPS），其余元数据保留
to-srgb = 转换为 sRGB
to-srgb-help = 把 Adobe RGB、Display P3 等广色域照片的颜色转换为 sRGB，供忽略颜色配置文件的网站和应用使用。关闭时原始配置文件原样保留。
linear = 在线性光中缩小
linear-help = 经伽马校正的重采样：暗处的细小亮部（星星、亮灯的窗户、文字）保持亮度。稍慢一些。
largest-image = 最大图片
largest-image-help = 超过此百万像素数的图片在解码前就被拒绝，以免损坏或恶意的文件占满内存。真实的全景图很少超过 256 MP。
unit-mp = MP
memory = 图片内存
memory-help = 所有线程解码后的图片加起来可占用的内存；若开始一张图片会超出此值，线程会先等待。“自动”为本机内存的四分之一。
unit-gb = GB

## Notices, the in-place run and its undo

report-saved = 报告已保存：{ $path }
report-save-failed = 无法保存报告：{ $path }
output-inside-file = 输出文件夹位于一个文件之内：{ $path }
output-read-only = 无法写入输出文件夹：{ $path }
open-folder-failed = 无法打开文件管理器：{ $error }：{ $path }
in-place-title = { $count ->
       *[other] 要替换 { $n } 张图片的原图吗？
    }
in-place-explain = 副本变小的图片都会替换其原图，保留名称、日期和权限。原图会先移到{ $place ->
        [trash] 回收站
       *[other] { $kept }
    }；“撤销上一次替换”可以把它们放回。
in-place-exceptions = 符号链接、有多个名称的文件以及没有变小的副本保持不变。
in-place-confirm = 替换原图
undo-nothing = 没有可撤销的替换
undo-start-failed = 无法开始撤销：{ $error }
undo-done = 已放回 { $count } 张原图
undo-partly-done = 已放回 { $count } 张原图；{ $failed } 张无法放回，第一张：{ $first }

## Inputs and presets

inputs-empty = 将文件夹或图片拖放到这里，或使用“添加文件夹…”/“添加文件…”。
remove-input = 移除 { $name }
input-count = { $count } 张图片 · { $size }
counting = 正在计数图片…
clear-all = 全部清除
size-small = 小
size-medium = 中
size-large = 大
size-phone = 手机
size-custom = 自定义
preset-none = 无（你的设置）
preset-changed = { $name }（已更改）
preset-unknown = 没有名为“{ $name }”的预设；现有：{ $names }
preset-help = 预设一次性设定尺寸、格式、质量、名称和元数据
preset-close-when-done = 从文件管理器启动时自动关闭
preset-close-when-done-help = 当此预设从文件管理器的菜单启动且所有图片完成时，窗口在几秒后自行关闭
preset-save-as = 另存为…
preset-save-as-help = 将当前设置保存为预设
preset-rename = 重命名…
preset-delete = 删除
preset-reset = 恢复内置预设
preset-reset-help = 把 Shrinkray 自带的预设恢复原样；你自己的保留
preset-name = 名称
preset-name-hint = 预设名称
ok = 确定
presets-no-config-folder = 无法保存预设：系统没有指定配置文件夹
presets-save-failed = 无法保存预设（{ $error }）：{ $path }
menus-add = 添加到文件管理器
menus-add-explorer = 添加到资源管理器
menus-add-help = 把带有这些预设的“用 Shrinkray 缩小”放进 Dolphin、Nautilus、Nemo、Thunar、Caja 和 PCManFM 的右键菜单（你自己的菜单项保持不变）
menus-adding = 正在添加菜单…
menus-added = “用 Shrinkray 缩小”已加入文件管理器的菜单（{ $count } 个预设）
menus-added-explorer = “用 Shrinkray 缩小”已加入资源管理器的菜单（{ $count } 个预设）
menus-failed = 有 { $count } 个菜单文件无法写入；第一个：{ $first }

## The run: progress, summary, errors

copies-made = 已生成 { $count } 个副本
n-done = { $count } 已完成
n-failed = { $count } 失败
n-skipped = { $count } 已跳过
n-not-started = { $count } 未开始
notify-could-not-start = Shrinkray 无法开始
notify-stopped-watching = Shrinkray 已停止监视
notify-cancelled = Shrinkray：已取消
notify-done-with-failures = Shrinkray：已完成，有失败
notify-done = Shrinkray：已完成
notify-show = 显示 Shrinkray
dock-badge = { $percent }%
menu-resize-with = 用 Shrinkray 缩小
menu-resize-tip = 生成更小的副本
title-idle = Shrinkray
title-watching = 监视中 · { $done } 已完成 · Shrinkray
title-progress = { $done }/{ $total } · Shrinkray
title-paused = 已暂停 · { $done }/{ $total } · Shrinkray
title-starting = 正在开始 · Shrinkray
title-cancelled = 已取消 · Shrinkray
title-done-failed = 已完成，{ $failed } 失败 · Shrinkray
title-done = 已完成 · Shrinkray
finding-images = 正在查找图片…
progress-bar = { $done } / { $total }
progress-speed = 每秒 { $rate } 张 · 已用 { $elapsed } · 剩余 { $left }
progress-cancelling = 正在取消：进行中的图片先完成
progress-paused = 已暂停：进行中的图片会完成，不开始新图片
watching-inputs = 正在监视输入
watching-folders = 正在监视 { $count } 个文件夹
last-copy-now = 最近的副本刚刚生成
last-copy-ago = 最近的副本生成于 { $time } 前
watching-waiting = 新照片一到达就会出现副本
watching-stopping = 正在停止：进行中的图片先完成
summary-could-not-start = 无法开始
summary-stopped-watching = 已停止监视
summary-cancelled = 已取消
summary-finished = 已完成
summary-counts = { $done } 已完成，{ $failed } 失败，{ $skipped } 已跳过
show-copies = 显示副本
show-copies-help = 在文件管理器中打开 { $path }
retry-failed = 重试失败的图片（{ $count }）
retry-failed-help = 用当前设置单独重新处理失败的图片
save-report = 保存报告…
save-report-help = 保存一个每张图片一行的 CSV：状态、原因、大小、质量、用时
errors = 错误（{ $count }）
copy-all = 全部复制
copy-all-help = 复制所有错误信息

## Thumbnails, the preview, dialogs, the desktop

percent = { $n }%
tile-not-started = 未开始，{ $size }
tile-not-started-sized = 未开始，{ $width }×{ $height }，{ $size }
tile-done = 已完成，{ $sizes }，{ $bytes }
tile-click-preview = 点击预览副本
tile-click-compare = 点击与原图比较
tile-kept-original = 复制了原图：缩小后反而更大
tile-look = 质量 { $quality }，按观感选择：SSIMULACRA2 { $score }
tile-also = 另有 { $path }（{ $width }×{ $height }，{ $size }）
preview-back = ← 返回网格
preview-back-help = 关闭预览（Esc）
preview-previous = 上一张图片（←）
preview-next = 下一张图片（→）
preview-position = 第 { $n } 张，共 { $count } 张
preview-making = 正在用当前设置生成副本…
preview-split = 分割
preview-split-help = 线的左边是原图，右边是副本；可拖动这条线
preview-side-by-side = 并排
preview-fit = 适应
preview-zoom-help = 副本的一个像素对应屏幕的一个像素，再乘以此倍数（双击图片切换）
preview-scaled = （副本按其尺寸的 { $percent }% 显示）
preview-original = 原图
preview-copy = 副本
preview-spoken = 预览：原图和副本
preview-chosen-by-look = 按观感选择：SSIMULACRA2 { $score }
preview-figures = 原图 { $input }，{ $input_bytes } → 副本 { $output }，{ $format }，{ $output_bytes }
dialog-add-images = 添加图片
dialog-images = 图片
dialog-all-files = 所有文件
dialog-add-folders = 添加文件夹
dialog-output-folder = 输出文件夹
dialog-backup-folder = 原图保存到
dialog-save-report = 保存报告
theme = 主题
theme-help = 浅色或深色，或跟随桌面设置（Shrinkray 运行时实时跟随）
theme-system = 跟随桌面
theme-light = 浅色
theme-dark = 深色
language = 语言
language-help = 窗口使用的语言；“跟随系统”使用桌面的语言设置
language-system = 跟随系统
notify-when-done = 长时间运行结束时通知
notify-when-done-help = 运行超过十秒且 Shrinkray 不在前台时，桌面会发出通知；点击通知即可把窗口调到前面

## The engine's errors and skip reasons ($why: what a library or the system said, untranslated)

error-read = 无法读取文件：{ $why }：{ $path }
error-not-a-file = 不是普通文件：{ $path }
error-not-an-image = 不是图片（无法识别的内容）：{ $path }
error-unsupported = 不支持的图片格式 { $format }：{ $path }
error-not-built-in = 未内置 { $format } 支持：{ $path }
error-codec = 无法解码 { $format } 图片：{ $why }：{ $path }
error-file-too-large = 文件太大：{ $bytes } 字节超过了 { $max } 字节的上限：{ $path }
error-decode = 无法解码图片：{ $why }：{ $path }
error-jpeg = 无法解码 JPEG：{ $why }：{ $path }
error-truncated = 文件不完整（图片数据在结尾之前就中断了）：{ $path }
error-too-large = 图片太大：{ $width }×{ $height } 超过了 { $max } 像素的上限：{ $path }
error-resize = 无法缩放图片：{ $why }：{ $path }
error-encode = 无法编码输出：{ $why }：{ $path }
error-over-target = 即使质量为 1，副本也有 { $bytes } 字节，超过目标 { $target } 字节（请允许缩小以适应，或选择更小的尺寸）：{ $path }
error-write = 无法写入输出：{ $why }：{ $path }
error-output-is-input = 输出会替换一个输入文件，Shrinkray 从不这样做：{ $path }
error-output-appeared = 任务运行期间出现了输出文件，已保持不动：{ $path }
error-refused = 无法写入副本：{ $why }：{ $path }
error-panicked = 处理图片时发生内部错误（{ $why }）：{ $path }
error-output-dir = 无法使用输出文件夹：{ $why }：{ $path }
error-report = 无法写入报告：{ $why }：{ $path }
error-failed-list = 无法写入失败列表：{ $why }：{ $path }
error-busy = 另一个 Shrinkray 运行正在写入此输出文件夹（请等它结束，或选择其他文件夹）：{ $path }
error-in-place = 无法就地缩小：{ $why }
error-internal = 内部错误：{ $why }
error-thread-pool = 无法启动 { $count } 个工作线程：{ $why }
error-quality = 质量 { $value } 无效：必须在 1 到 100 之间
error-min-score = 分数 { $value } 无效：SSIMULACRA2 目标必须在 1 到 100 之间
error-avif-speed = AVIF 速度 { $value } 无效：必须在 0 到 9 之间
error-jxl-effort = JPEG XL 力度 { $value } 无效：必须在 1 到 9 之间
error-no-output-dir = 未选择输出文件夹
error-settings = { $why }
skip-up-to-date = 已是最新
skip-output-exists = 输出已存在：{ $path }
skip-no-output = 未要求任何输出
skip-not-regular = 不是普通文件
skip-link-loop = 符号链接循环
skip-broken-link = 符号链接已损坏
skip-unsupported = 不支持 { $format } 图片
skip-not-an-image = 不是图片
skip-left-alone = 保持原样：{ $why }
skip-already-shrunk = 已就地缩小

## shrinkray-cli's human output (its JSON stays English)

cli-error = 错误：{ $error }
cli-cancelled = 已取消
cli-eta = 剩余
cli-mode-needs-both = --mode fill 和 --mode stretch 需要同时给出 --width 和 --height
cli-invalid-options = 选项无效
cli-cannot-plan = 无法规划任务
cli-estimate-cancelled = 估算已取消
cli-stdout = 无法写入标准输出
cli-list-from-stdin = 无法从标准输入读取输入列表
cli-list-unreadable = 无法读取输入列表：{ $path }
cli-list-empty = 没有输入：列表为空：{ $path }
cli-no-output-folder = 没有输出文件夹：请给出 --out
cli-dry-run-beside = 试运行需要一个输出文件夹，而该预设把副本放在每个输入旁边的“{ $folder }”中：请给出 --out
cli-cannot-put-beside = 无法把副本放在输入旁边
cli-cannot-start = 无法开始任务
cli-no-result = 任务结束了，但没有报告结果
cli-no-ctrl-c = 无法安装 Ctrl-C 处理程序
cli-cancelling = 正在取消；处理中的图片会先完成（再按一次 Ctrl-C 立即退出）
cli-watch-json-report = --watch 每轮之后都会追加报告：请给出 .csv 或 .jsonl 报告，而不是 .json
cli-cannot-watch = 无法开始监视
cli-stopping = 正在停止；处理中的图片会先完成
cli-watch-no-result = 监视结束了，但没有报告结果
cli-preset-no-config = 无法保存预设：系统没有指定配置文件夹
cli-cannot-resolve-out = 无法解析 --out
cli-preset-unsaved = 无法保存预设：{ $path }
cli-preset-saved = 已保存预设“{ $name }”：{ $path }
cli-sizes-in = { $from } → { $to }，用时 { $seconds } 秒
cli-watching = 正在监视 { $folders } 中新的和更改过的图片；按 Ctrl-C 停止
cli-watching-polling = 正在每隔几秒检查 { $folders } 中新的和更改过的图片（此处系统不提供文件事件）；按 Ctrl-C 停止
cli-gone = 已消失：{ $path }（其副本保留）
cli-pass-failed = 第 { $number } 轮：{ $error }
cli-pass = 第 { $number } 轮（{ $why }）
cli-pass-first = 首轮
cli-pass-changes = { $count } 个更改
cli-pass-retry = 重试
cli-pass-rescan = 重新扫描
cli-folders = { $count } 个文件夹
cli-watched-for = 已监视 { $seconds } 秒
cli-not-put-back = 未放回：{ $why }
cli-undone = 已放回 { $count } 张原图，{ $failed } 张无法放回：{ $path }
cli-nothing-to-undo = 该运行已没有可撤销的内容：{ $path }
cli-plan = 计划：{ $images } 张待缩小，{ $skipped } 张跳过，{ $failed } 张会失败
cli-numbered = 已编号：{ $path } 已被占用
cli-replaces = 替换那里的文件
cli-skipped = { $path }：已跳过：{ $why }
cli-failed = 失败：{ $error }
cli-output-folders = 输出文件夹（不会创建任何内容）：
cli-copies = { $count } 个副本
cli-no-copies = 无：不会写入任何副本
cli-rule-rename = 被占用的名称会加上编号
cli-rule-skip = 副本已存在的输入会被跳过
cli-rule-overwrite = 已有文件会被替换
cli-collisions = 名称冲突（{ $rule }）：{ $numbered } 个编号，{ $replaced } 个替换文件
cli-up-to-date = 已是最新（跳过）：{ $count }
cli-estimate-head = 估算：{ $count } 张图片，{ $size }
cli-estimate-nothing = 估算：没有需要缩小的图片
cli-estimate-none = 没有一张抽样图片能够转换，因此无法估算
cli-estimate-time = ≈ { $time }，使用 { $threads } 个线程（根据 { $sampled } 张抽样图片）
cli-estimate-not-smaller = 大多数抽样副本（{ $sampled } 张中的 { $count } 张）并不比原图小；此时 --skip-if-larger 会保留原图

## The shipped presets' descriptions (their names stay as they are: --preset uses them)

preset-about-web-1920 = 用于网站的 JPEG：适应 1920×1920，质量 85，去除位置
preset-about-e-mail-1280 = 小到可以发邮件的 JPEG：适应 1280×1280，质量 80，去除位置
preset-about-phone-1080-webp = 用于手机和屏幕的 WebP：适应 1920×1080，质量 80
preset-about-thumbnail-400 = 小尺寸 JPEG 预览图：适应 400×400，质量 80，无元数据
preset-about-archive-as-jpeg-xl = 完整保存每个 JPEG 的 JPEG XL：小五分之一，djxl 可以还原出完全相同的 JPEG
preset-described = { $format }：{ $size }，{ $quality }
preset-quality = 质量 { $quality }
