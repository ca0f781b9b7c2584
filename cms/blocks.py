"""StreamField blocks shared by every page type."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Tekst", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Kop 2"), ("h3", "Kop 3"), ("h4", "Kop 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Tussenkop"
        template = "blocks/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    """A framed remark: a tip, a warning or a point of attention."""

    kind = blocks.ChoiceBlock(
        label="Soort",
        choices=[("tip", "Tip"), ("let-op", "Let op"), ("voorbeeld", "Voorbeeld")],
        default="tip",
    )
    text = blocks.RichTextBlock(label="Tekst", features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = "Kader"
        template = "blocks/callout_block.html"


class StepsBlock(blocks.StructBlock):
    """A numbered list of steps, for stappenplannen and procedures."""

    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label="Stap", max_length=160)),
                ("text", blocks.RichTextBlock(label="Toelichting", required=False,
                                              features=["bold", "italic", "link", "ul"])),
            ]
        ),
        label="Stappen",
    )

    class Meta:
        icon = "list-ol"
        label = "Stappenplan"
        template = "blocks/steps_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citaat")
    attribution = blocks.CharBlock(label="Bron", required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = "Citaat"
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(label="Titel (optioneel)", required=False, max_length=160)

    class Meta:
        icon = "doc-full"
        label = "Document"
        template = "blocks/document_block.html"


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page. No embeds: they load third-party hosts."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Alinea", icon="pilcrow", features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
    )
    callout = CalloutBlock()
    steps = StepsBlock()
    quote = QuoteBlock()
    image = ImageBlock(label="Afbeelding", template="blocks/image_block.html")
    document = DocumentLinkBlock()

    class Meta:
        label = "Inhoud"
