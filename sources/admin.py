from django.contrib import admin
from django.db.models import Count

from .models import Author, Publication, Source


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ("name", "url")
    search_fields = ("name",)


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ("name", "bio")
    search_fields = ("name", "bio")


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("title", "publication", "published_on", "forecast_count")
    list_filter = ("publication", "published_on")
    search_fields = ("title", "url", "text")
    date_hierarchy = "published_on"
    autocomplete_fields = ("publication", "authors")
    readonly_fields = ("content_hash", "created_at")
    view_on_site = False
    fieldsets = (
        (None, {"fields": ("title", "url", "publication", "authors", "published_on", "note")}),
        ("Text", {"fields": ("text", "content_hash", "created_at"), "classes": ("collapse",)}),
    )

    def get_readonly_fields(self, request, obj=None):
        # The text is the article's identity (its content hash): stored once, never rewritten.
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "text") if obj is not None else readonly

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("publication").annotate(_forecasts=Count("forecasts"))

    @admin.display(description="forecasts", ordering="_forecasts")
    def forecast_count(self, obj):
        return obj._forecasts
