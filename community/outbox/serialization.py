"""Turn an EmailMessage into JSON and back, attachments included."""

import base64

from django.core.mail import EmailMultiAlternatives


def message_to_payload(message):
    # str() throughout: lazy translation strings are not JSON serializable.
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        # An EmailMessage whose body is HTML says so with content_subtype = "html".
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "encoding": str(message.encoding) if message.encoding else None,
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
    # .get(): rows queued before these keys existed lack them.
    message.content_subtype = payload.get("content_subtype", "plain")
    message.mixed_subtype = payload.get("mixed_subtype", "mixed")
    message.encoding = payload.get("encoding")
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for item in payload["attachments"]:
        message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
    return message


def _attachment_to_json(item):
    # Django keeps attachments as (filename, content, mimetype) tuples; a MIME
    # part passed in directly is flattened to its payload (its own headers,
    # such as Content-ID, are not kept).
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
