/**
 * The papers of a case (R-DOC-1, api-contract `POST /v1/cases/{caseId}/documents`, `GET /v1/documents/{documentId}`):
 * what an upload or a download is refused with, in the bureau's words.
 */
export const documents = {
  /** The `what` of a 404 (`errors.notFound`). */
  thing: '材料 {{documentId}}',
  /** A `:documentId` that is no document id at all. */
  someThing: '该材料',
  /** 415: the body is not `multipart/form-data`. */
  notMultipart:
    '上传材料须以 multipart/form-data 提交（字段 file、purpose，以及可选的 replaces），收到的是“{{contentType}}”',
  /** 422: no file in the form, or one under another field name, or more than one. */
  fileMissing: '{{field}}：须附上一个文件（字段名为 file）',
  oneFileOnly: '{{field}}：只能上传一个文件，字段名须为 file',
  /** A form field other than file, purpose, replaces, or one too long. */
  formField: '{{field}}：不是可接受的表单字段，或其内容过长（只接受 file、purpose、replaces）',
  /** 413. */
  tooLarge: '{{field}}：文件超过 {{maxBytes, number}} 字节（{{maxMegabytes}} MB）的上限',
  tooLargeSummary: '上传的文件过大：每份材料至多 {{maxMegabytes}} MB',
  /** 415: judged by the bytes, never by the name or the declared type. */
  typeNotAllowed:
    '{{field}}：文件内容不是允许的类型（PDF、OFD、JPEG、PNG、XLSX）；类型按文件内容判断，与文件名和声明的类型无关（{{rule}}）',
  typeNotAllowedSummary: '不接受该文件类型：只接受 PDF、OFD、JPEG、PNG、XLSX',
  /** 422: an XLSX agency roster whose rows cannot be read. */
  rosterUnreadable: '{{field}}：无法读取入驻机构名录的表格：{{reason}}（{{rule}}）',
  rosterReasons: {
    notXlsx: '文件不是可读取的 XLSX 工作簿',
    noHeader: '第一个工作表中找不到同时含有“名称”（或“机构名称”、name）和“统一社会信用代码”（或 creditCode）的表头行',
    noRows: '表头行之下没有机构',
    incompleteRow: '第 {{row}} 行缺少名称或统一社会信用代码',
    tooManyRows: '机构超过 {{max}} 行',
  },
  /** 503: the object store cannot be reached; nothing was stored. */
  objectStoreUnreachable: '无法连接对象存储',
  objectStoreDetail: '对象存储不可用：未保存任何材料',
  /** 403 of a download link. */
  linkExpired: '下载链接已过期（有效期 {{minutes}} 分钟）；请通过 GET /v1/documents/{{documentId}} 重新获取',
  linkForged: '下载链接无效（签名不符）；请通过 GET /v1/documents/{{documentId}} 获取下载链接',
};
