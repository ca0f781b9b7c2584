"""Turn an EmailMessage into JSON and back, attachments included."""

import base64

from django.core.mail import EmailMultiAlternatives


def message_to_payload(message):
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment_to_json(item) for item in message.attachments],
    }


def payload_to_message(payload, connection=None):
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for item in payload["attachments"]:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message


def _attachment_to_json(item):
    # Django keeps attachments as (filename, content, mimetype) tuples; a MIME
    # part passed in directly is flattened to its payload.
    if hasattr(item, "get_filename"):
        filename, content, mimetype = (
            item.get_filename(),
            item.get_payload(decode=True),
            item.get_content_type(),
        )
    else:
        filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return {
        "filename": filename,
        "content": base64.b64encode(content).decode("ascii"),
        "mimetype": mimetype,
    }
