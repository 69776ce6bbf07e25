"""The admin's "Import article" page and the accept / reject actions for proposed forecasts.

The page collects a pasted text or an uploaded file; reading it is sources.ingestion's
job and proposing the forecasts is forecasts.importing's. Nothing here decides anything.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path, reverse

from sources import ingestion, scales

from . import importing, services
from .models import Status


class ImportArticleForm(forms.Form):
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Paste the article (plain text or HTML), or upload a file below.",
    )
    file = forms.FileField(
        required=False,
        help_text=f"A UTF-8 text or HTML file, at most {ingestion.MAX_BYTES // 1_048_576} MB.",
    )
    title = forms.CharField(required=False, max_length=500, help_text="Leave empty to take it from the text.")
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https", label="URL")
    published = forms.CharField(
        required=False, label="Published on", help_text="YYYY-MM-DD. Leave empty to take it from the text."
    )
    author = forms.CharField(required=False, max_length=200, help_text="Leave empty to take it from the byline or bio.")
    publication = forms.CharField(required=False, max_length=200)
    scale = forms.ChoiceField(
        choices=[(scale.name, scale.title) for scale in scales.SCALES.values()], initial=scales.DEFAULT_SCALE
    )
    dry_run = forms.BooleanField(required=False, label="Preview only (save nothing)")

    def clean_published(self):
        value = self.cleaned_data["published"].strip()
        if not value:
            return None
        try:
            return ingestion.parse_date(value)
        except ingestion.IngestionError as exc:
            raise ValidationError(str(exc)) from None

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if upload and text.strip():
            raise ValidationError("Paste a text or upload a file, not both.")
        try:
            if upload:
                # The size is known before reading: a huge upload is refused unread.
                if upload.size > ingestion.MAX_BYTES:
                    raise ingestion.IngestionError(
                        f"The file is too large ({upload.size / 1_048_576:.1f} MB); "
                        f"the limit is {ingestion.MAX_BYTES // 1_048_576} MB."
                    )
                cleaned["article"] = ingestion.read_article_bytes(upload.read(), filename=upload.name)
            elif text.strip():
                cleaned["article"] = ingestion.read_article_text(text)
            else:
                raise ValidationError("Paste the article's text or upload a file.")
        except ingestion.IngestionError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned


# Service errors name model fields; show them on the form fields the editor can change.
FORM_FIELD_FOR = {"title": "title", "published_on": "published", "author": "author", "scale": "scale"}


class ArticleImportAdminMixin:
    """For ForecastAdmin: the import page and the bulk actions on proposed forecasts."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import-article/",
                self.admin_site.admin_view(self.import_article_view),
                name="{}_{}_import_article".format(*info),
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_import_article": self.has_add_permission(request)}
        return super().changelist_view(request, extra_context)

    def import_article_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportArticleForm(request.POST or None, request.FILES or None)
        result = rows = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            article = data["article"]
            try:
                result = services.propose_forecasts_from_article(
                    text=article.text,
                    title=data["title"],
                    url=data["url"],
                    published_on=data["published"],
                    author_name=data["author"],
                    publication_name=data["publication"],
                    metadata=article.metadata,
                    scale=data["scale"],
                    recorded_by=request.user,
                    dry_run=data["dry_run"],
                )
            except ValidationError as error:
                for name, errors in error.message_dict.items():
                    form.add_error(FORM_FIELD_FOR.get(name), errors)
            else:
                rows = importing.candidate_rows(result)
                self.message_user(request, self._summary(result, data["dry_run"]), messages.SUCCESS)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import article",
            "form": form,
            "result": result,
            "rows": rows,
            "media": self.media + form.media,
            "proposed_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            + f"?status__exact={Status.PROPOSED.value}",
        }
        return TemplateResponse(request, "admin/forecasts/forecast/import_article.html", context)

    @staticmethod
    def _summary(result, dry_run: bool) -> str:
        if dry_run:
            return f"Preview: {len(result.candidates)} candidate forecasts; nothing was saved."
        if not result.created:
            return f"This article was already imported ({len(result.forecasts)} forecasts); nothing new was saved."
        return f"Article stored; {len(result.forecasts)} forecasts proposed. Accept, edit or reject them."

    @admin.action(description="Accept selected proposed forecasts (they become open)", permissions=["change"])
    def accept_proposed(self, request, queryset):
        try:
            accepted = services.forecasts_accept(forecasts=queryset.proposed())
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"Accepted {accepted} proposed forecasts.", messages.SUCCESS)

    # Editors decide on proposals: rejecting one is part of confirming an import, so it needs the
    # change permission, not delete (which would also let them delete confirmed forecasts).
    @admin.action(description="Reject selected proposed forecasts (delete them)", permissions=["change"])
    def reject_proposed(self, request, queryset):
        try:
            rejected = services.forecasts_reject(forecasts=queryset.proposed())
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        self.message_user(request, f"Rejected {rejected} proposed forecasts.", messages.SUCCESS)
