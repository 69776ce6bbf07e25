import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from sources.admin import SourceAdmin

from . import services
from .admin_import import ArticleImportAdminMixin
from .admin_reminders import SnoozeAdminMixin
from .admin_resolution import ResolutionAdminMixin
from .models import Forecast, Tag, local_today
from .paginators import EstimatedCountPaginator


class ReviewStateFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (
            ("due", "Due now (review date reached)"),
            ("overdue", "Overdue (past the review date)"),
            ("next30", "Due in the next 30 days"),
            ("unresolved", "Not yet resolved"),
        )

    def queryset(self, request, queryset):
        today = local_today()
        if self.value() == "due":
            return queryset.unresolved().filter(review_on__lte=today)
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "next30":
            return queryset.unresolved().filter(review_on__gt=today, review_on__lte=today + datetime.timedelta(days=30))
        if self.value() == "unresolved":
            return queryset.unresolved()
        return queryset


class HasForecastsFilter(admin.RelatedFieldListFilter):
    """The related objects (authors, publications, tags) that have forecasts.

    RelatedOnlyFieldListFilter asks for `pk IN (SELECT DISTINCT ... FROM forecasts)`, which reads
    the whole forecast table on every changelist page. EXISTS per candidate is one index probe
    each: the cost follows the number of authors or tags, not the number of forecasts.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        # The admin's "-" reads as a stray mark in a filter list; this choice means "not set".
        self.empty_value_display = "(none)"

    def field_choices(self, field, request, model_admin):
        related = field.remote_field.model
        has_forecasts = Exists(Forecast.objects.filter(**{self.field_path: OuterRef("pk")}))
        ordering = self.field_admin_ordering(field, request, model_admin) or related._meta.ordering
        return [(obj.pk, str(obj)) for obj in related._default_manager.filter(has_forecasts).order_by(*ordering)]


class ForecastChangeList(ChangeList):
    def get_filters(self, request):
        # Django computes the end of a date-hierarchy period by adding to its start, which
        # overflows in year 9999; that is a bad filter (the list says so), not a server error.
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(Forecast)
class ForecastAdmin(ArticleImportAdminMixin, ResolutionAdminMixin, SnoozeAdminMixin, SimpleHistoryAdmin):
    actions = ("accept_proposed", "reject_proposed", *ResolutionAdminMixin.actions, *SnoozeAdminMixin.actions)
    list_display = (
        "claim_display",
        "author",
        "source_display",
        "probability_display",
        "deadline",
        "review_on",
        "status_display",
        "outcome_display",
    )
    list_display_links = ("claim_display",)
    list_filter = (
        "status",
        "outcome",
        ReviewStateFilter,
        ("source__publication", HasForecastsFilter),
        ("author", HasForecastsFilter),
        ("tags", HasForecastsFilter),
        "probability_basis",
    )
    search_fields = ("claim", "quote", "resolution_criteria")
    # Drawn by the review_date_hierarchy tag (change_list.html), which lists the periods from the
    # date span instead of Django's SELECT DISTINCT over the table.
    date_hierarchy = "review_on"
    list_select_related = ("author", "source")
    # Counting a large table on every page load is the slowest part of a changelist.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    # There is no public page per forecast; the scorecards are the public face.
    view_on_site = False
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}

    class Media:
        css = {"all": ("forecasts/admin.css",)}

    autocomplete_fields = ("source", "author", "reviewer", "tags")
    readonly_fields = ("status", "outcome", "evidence_url", "resolution_note", "resolved_by", "resolved_at")
    history_list_display = ("status", "outcome", "review_on")
    fieldsets = (
        (
            "Claim",
            {
                "fields": (
                    "source",
                    "author",
                    "quote",
                    "claim",
                    "estimative_phrase",
                    ("probability", "probability_basis"),
                    "tags",
                ),
                "description": "What was forecast, in the source's words and as a checkable claim.",
            },
        ),
        (
            "Timing",
            {
                "fields": ("made_on", "deadline", "review_on"),
                "description": "The claim is about the window up to the deadline; reviewers are reminded "
                "from the review date, when the evidence is expected to be published.",
            },
        ),
        (
            "Resolution",
            {
                "fields": (
                    "resolution_criteria",
                    "status",
                    "outcome",
                    "evidence_url",
                    "resolution_note",
                    "resolved_by",
                    "resolved_at",
                ),
                "description": "The outcome records whether the claim came true — not whether the "
                "forecaster was right. A 'no' on a forecast of 10% is a good forecast.",
            },
        ),
        ("Review", {"fields": ("reviewer",)}),
    )

    def get_changelist(self, request, **kwargs):
        return ForecastChangeList

    @admin.display(description="claim", ordering="claim")
    def claim_display(self, obj):
        return str(obj)

    @admin.display(description="source", ordering="source__title")
    def source_display(self, obj):
        title = obj.source.title
        return title if len(title) <= 40 else format_html('<span title="{}">{}…</span>', title, title[:39])

    @admin.display(description="status", ordering="status")
    def status_display(self, obj):
        return format_html('<span title="{}">{}</span>', obj.get_status_display(), obj.status)

    @admin.display(description="came true?", ordering="outcome")
    def outcome_display(self, obj):
        if obj.outcome is None:
            return "—"
        return format_html('<span title="{}">{}</span>', obj.get_outcome_display(), obj.outcome)

    @admin.display(description="probability", ordering="probability")
    def probability_display(self, obj):
        if obj.probability is None:
            return format_html('<span title="{}">—</span>', "No number: tracked, not scored")
        return f"{obj.probability * 100:.1f}%".replace(".0%", "%")

    def save_model(self, request, obj, form, change):
        # The form has validated the instance (full_clean); the write itself goes through the
        # service so that the admin, the API and the commands follow the same rules.
        if change:
            data = {name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE_FIELDS}
            services.forecast_update(forecast=obj, data=data, changed_by=request.user)
        else:
            fields = {
                name: form.cleaned_data.get(name)
                for name in services.EDITABLE_FIELDS
                if name in form.cleaned_data and name != "reviewer"
            }
            created = services.forecast_create(
                **fields, reviewer=form.cleaned_data.get("reviewer"), recorded_by=request.user
            )
            obj.pk = created.pk
            obj._state.adding = False
            obj.refresh_from_db()


class ForecastInline(admin.TabularInline):
    model = Forecast
    fields = ("claim", "estimative_phrase", "probability", "deadline", "review_on", "status", "outcome")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


SourceAdmin.inlines = [ForecastInline]


def due_summary() -> dict:
    """The numbers on the admin index: what needs a reviewer now."""
    today = local_today()
    unresolved = Forecast.objects.unresolved()
    return {
        "due": unresolved.filter(review_on__lte=today).count(),
        "overdue": unresolved.filter(review_on__lt=today).count(),
        "proposed": Forecast.objects.proposed().count(),
        "upcoming": unresolved.filter(
            Q(review_on__gt=today) & Q(review_on__lte=today + datetime.timedelta(days=30))
        ).count(),
    }
