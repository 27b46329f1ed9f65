/**
 * The console's papers of a case (R-DOC-1, issue 25): the list with preview and download, the upload, and what
 * acceptance still lacks. A paper's purpose is named by `rules.documentPurposes`, the policy's own terms.
 */
export const consoleDocuments = {
  title: '材料文件',
  empty: '本案尚未上传材料文件。',
  columns: {
    purpose: '材料类别',
    file: '文件（类型、大小）',
    uploaded: '上传人与时间',
    sha256: 'SHA-256',
    actions: '操作',
  },
  facts: '{{type}} · {{size}}',
  /** Types as judged from the content at upload, by the short code the console keeps for each. */
  types: { pdf: 'PDF', ofd: 'OFD 版式文件', jpeg: 'JPEG 图片', png: 'PNG 图片', xlsx: 'Excel 表格' },
  sizes: { bytes: '{{value, number}} 字节', kilobytes: '{{value}} KB', megabytes: '{{value}} MB' },
  at: '{{at, day}} {{time}}',
  superseded: '已被新版本替换',
  newVersion: '新版本',
  shaCopy: '复制完整的 SHA-256',
  shaCopied: '已复制',
  preview: '预览',
  download: '下载',
  close: '关闭预览',
  previewTitle: '预览：{{fileName}}',
  linkFailed: '未能取得“{{fileName}}”的下载链接：{{message}}',
  upload: {
    heading: '上传材料',
    purpose: '材料类别',
    purposeHelp: '请先选择材料类别，再选择文件。',
    replaces: '替换的旧版本',
    replacesHelp: '可选：上传的是某份已上传材料的新版本时选择它；旧版本保留在案件中。',
    choose: '选择文件并上传',
    limits: '接受 PDF、OFD、JPEG、PNG、XLSX，每份不超过 {{maxMegabytes}} MB；类型按文件内容判断，与文件名无关。',
    progress: '上传进度',
    uploading: '正在上传“{{fileName}}”…',
    processing: '“{{fileName}}”已上传，案件正在登记…',
    done: '已上传“{{fileName}}”，并已登记到案件。',
    tooLarge:
      '“{{fileName}}”为 {{sizeMegabytes}} MB，超过每份 {{maxMegabytes}} MB 的上限，未上传；请压缩或拆分后再上传（R-DOC-1）。',
    refused: '“{{fileName}}”未能上传：{{message}}',
    atField: '{{field}}：{{message}}',
    withRule: '{{text}}（{{rule}}）',
    lost: '“{{fileName}}”上传时连接中断，未收到答复；可以重新上传，不会重复登记。',
    stillRunning: '“{{fileName}}”已上传，案件仍在登记（{{updateId}}）；请稍后刷新页面查看。',
  },
  missing: {
    title: '尚缺以下必备材料，受理将被拒绝（R-DOC-1）：',
    complete: '受理所需的必备材料均已上传（R-DOC-1）。',
  },
  attach: {
    lead: '材料文件在“申报材料”页签中上传和查看。',
    open: '前往上传材料',
  },
};
