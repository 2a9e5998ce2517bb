"""Bulletin boards and their bulletins: page models with a rich-text body of their own
(not the city's StreamField), so their kinds export them with their own ``fields``."""

from django.db import models

from wagtail.fields import RichTextField
from wagtail.models import Page


class BulletinBoardPage(Page):
    lead = models.CharField(max_length=255, blank=True)
    subpage_types = ["kindapp.BulletinPage"]


class BulletinPage(Page):
    lead = models.CharField(max_length=255, blank=True)
    posted = models.DateField()
    notice_board = models.CharField(max_length=100, blank=True)
    text = RichTextField(blank=True)
    parent_page_types = ["kindapp.BulletinBoardPage"]
