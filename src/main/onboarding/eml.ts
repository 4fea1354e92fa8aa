/** A file attached to an email draft. */
export interface EmlAttachment {
  filename: string
  contentType: string
  bytes: Uint8Array
}

const CRLF = '\r\n'

/** A header value: plain ASCII as is, anything else as an RFC 2047 encoded word. */
function headerText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ')
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`
}

const base64Lines = (bytes: Uint8Array): string => (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? []).join(CRLF)

/**
 * An unsent email (`.eml`, `X-Unsent: 1` so mail clients open it as a draft): a UTF-8 text body
 * and one attachment, as multipart/mixed with CRLF line ends.
 */
export function emlDraft(mail: { to: string; subject: string; body: string; attachment: EmlAttachment; boundary?: string }): string {
  const boundary = mail.boundary ?? `lintel-${Math.random().toString(36).slice(2)}`
  const name = mail.attachment.filename.replace(/["\r\n]/g, '')
  return [
    `To: ${headerText(mail.to)}`,
    `Subject: ${headerText(mail.subject)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(mail.body.replace(/\r?\n/g, CRLF), 'utf8')),
    `--${boundary}`,
    `Content-Type: ${mail.attachment.contentType}; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    base64Lines(mail.attachment.bytes),
    `--${boundary}--`,
    ''
  ].join(CRLF)
}
