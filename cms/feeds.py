"""RSS and Atom feeds of the news. Public news only."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


class NewsRssFeed(Feed):
    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def title(self):
        return f"{self.index_page.title} — IV-HO"

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or "Nieuws van Integrale Veiligheid Hoger Onderwijs"

    def items(self):
        from cms.models import NewsPage

        return (
            NewsPage.objects.child_of(self.index_page).live().public().order_by("-date", "-pk")
        )[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
