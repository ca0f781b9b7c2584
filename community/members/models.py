"""People on the platform: accounts, institutions and member profiles."""

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

# Shown for a person who gave no name: we never fall back to their e-mail address.
UNNAMED = _("Lid zonder naam")


class User(AbstractUser):
    """The account. Login is by e-mail address (allauth); the username is internal."""

    email = models.EmailField("e-mailadres", unique=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self):
        return self.get_full_name() or self.email


class Institution(index.Indexed, ClusterableModel):
    """A university, hogeschool or partner organisation whose staff may join."""

    class Kind(models.TextChoices):
        UNIVERSITY = "universiteit", "Universiteit"
        UNIVERSITY_OF_APPLIED_SCIENCES = "hogeschool", "Hogeschool"
        PARTNER = "partner", "Partnerorganisatie"

    name = models.CharField("naam", max_length=160, unique=True)
    short_name = models.CharField("korte naam", max_length=40, blank=True)
    slug = models.SlugField(
        "korte naam in URL", max_length=60, unique=True,
        help_text="Voor filters in de ledenlijst, bijvoorbeeld ?instelling=tue.",
    )
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    is_small = models.BooleanField(
        "kleine instelling", default=False,
        help_text="Voor kleine hogescholen (ongeveer minder dan 5.000 studenten). Zij "
        "vergelijken zich in de quickscan-benchmark met elkaar en krijgen de korte "
        "quickscan voorgesteld.",
    )
    website = models.URLField("website", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name="logo", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    contacts = models.ManyToManyField(
        "members.User", verbose_name="contactpersonen", blank=True,
        related_name="contact_for",
        help_text="Contactpersonen mogen aanmeldingen van hun eigen instelling goedkeuren.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"),
             FieldPanel("kind"), FieldPanel("is_small"), FieldPanel("website"),
             FieldPanel("logo")],
            heading="Instelling",
        ),
        InlinePanel("domains", label="E-maildomeinen", heading="E-maildomeinen"),
        FieldPanel("contacts"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"),
                     index.SearchField("short_name")]

    class Meta:
        verbose_name = "instelling"
        verbose_name_plural = "instellingen"
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        return self.short_name or self.name


domain_validator = RegexValidator(
    r"^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$",
    "Geef alleen het domein, in kleine letters, zoals tue.nl (zonder @).",
)


class InstitutionDomain(models.Model):
    """An e-mail domain of an institution. A verified address on it means membership."""

    institution = ParentalKey(Institution, related_name="domains", on_delete=models.CASCADE)
    domain = models.CharField(
        "domein", max_length=120, unique=True, validators=[domain_validator],
        help_text="Alleen dit exacte domein telt; voeg subdomeinen apart toe.",
    )

    panels = [FieldPanel("domain")]

    class Meta:
        verbose_name = "e-maildomein"
        verbose_name_plural = "e-maildomeinen"
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


class Profile(models.Model):
    """A person's membership of the network and what they tell their peers.

    `status` is the membership: approved members (and only they) are in the
    group "Leden" that grants access to members-only content.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "In afwachting"
        APPROVED = "approved", "Lid"
        REJECTED = "rejected", "Afgewezen"

    class Visibility(models.TextChoices):
        MEMBERS = "members", "Alleen voor leden"
        PUBLIC = "public", "Openbaar"

    class Frequency(models.TextChoices):
        INSTANT = "instant", "Direct bij elke reactie"
        DAILY = "daily", "Eén overzicht per dag"
        NONE = "none", "Geen e-mail"

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField("naam", max_length=120, blank=True)
    institution = models.ForeignKey(
        Institution, verbose_name="instelling", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="profiles",
    )
    status = models.CharField(
        "lidmaatschap", max_length=10, choices=Status.choices, default=Status.PENDING,
        db_index=True,
    )
    status_changed_at = models.DateTimeField("lidmaatschap gewijzigd op", null=True, blank=True)
    decided_by = models.ForeignKey(
        User, verbose_name="beoordeeld door", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    affiliation_email = models.EmailField(
        "adres bij besluit", blank=True,
        help_text="Het geverifieerde adres waarop het lidmaatschap is gebaseerd.",
    )
    requested_institution = models.CharField(
        "opgegeven instelling", max_length=160, blank=True,
        help_text="Wat iemand zonder instellingsadres bij aanmelding invulde.",
    )
    function = models.CharField("functie", max_length=120, blank=True)
    expertise = models.ManyToManyField(
        "cms.ThemePage", verbose_name="expertise", blank=True, related_name="experts",
    )
    bio = models.TextField("over mij", max_length=1000, blank=True)
    photo = models.ImageField("foto", upload_to="profiles/", blank=True)
    visibility = models.CharField(
        "wie ziet mijn profiel", max_length=10, choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    notification_frequency = models.CharField(
        "e-mail over reacties", max_length=10, choices=Frequency.choices,
        default=Frequency.DAILY,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name others see: never (part of) an e-mail address."""
        return self.display_name or self.user.get_full_name() or str(UNNAMED)

    @property
    def is_member(self):
        return self.status == self.Status.APPROVED

