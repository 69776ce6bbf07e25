import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from sources.admin import SourceAdmin

from . import services
from .admin_import import ArticleImportAdminMixin
from .admin_reminders import SnoozeAdminMixin
from .admin_resolution import ResolutionAdminMixin, object_id_or_404, opened_version_field
from .models import Forecast, Status, Tag, local_today
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


class ForecastAdminForm(forms.ModelForm):
    opened_version = opened_version_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["opened_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("opened_version") is not None:
            # The admin saves inside the transaction this check runs in, so the row stays locked
            # from here to the save; the service checks again as it writes.
            try:
                services.forecast_check_version(forecast=self.instance, expected_version=cleaned["opened_version"])
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from None
        return cleaned


class ReadOnlyHistoryAdminMixin:
    """simple-history's page for one historical version is a form that saves what it is sent, with
    only view permission and around every service rule. Here it shows the version and saves nothing."""

    def history_view(self, request, object_id, extra_context=None):
        object_id_or_404(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        object_id_or_404(object_id)
        object_id_or_404(version_id)
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Forecast)
class ForecastAdmin(
    ReadOnlyHistoryAdminMixin, ArticleImportAdminMixin, ResolutionAdminMixin, SnoozeAdminMixin, SimpleHistoryAdmin
):
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

    def view_on_site(self, obj):
        # A proposed candidate has no public page until an editor confirms it.
        return None if obj.status == Status.PROPOSED else obj.get_absolute_url()

    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}

    class Media:
        css = {"all": ("forecasts/admin.css",)}

    form = ForecastAdminForm
    autocomplete_fields = ("source", "author", "reviewer", "tags")
    readonly_fields = (
        "status",
        "outcome",
        "evidence_url",
        "resolution_note",
        "resolved_by",
        "resolved_at",
        "corrections_display",
    )
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
                    "opened_version",
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
        (
            "Corrections after resolution",
            {
                "fields": ("corrections_display",),
                "description": "Changes made to the record after it was resolved, each with its reason.",
            },
        ),
    )

    # Shown as a read-only table, not an inline formset: an inline would need its management form in
    # every POST of the change form, and corrections are only ever written by the correct service.
    @admin.display(description="corrections")
    def corrections_display(self, obj):
        related = getattr(obj, "corrections", None) if obj is not None and obj.pk else None
        corrections = list(related.select_related("corrected_by")) if related is not None else []
        if not corrections:
            return "None."
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    c.field,
                    c.old_value,
                    c.new_value,
                    c.reason,
                    c.corrected_by or "—",
                    c.corrected_at.strftime("%Y-%m-%d %H:%M"),
                )
                for c in corrections
            ),
        )
        return format_html(
            "<table><thead><tr><th>field</th><th>was</th><th>now</th><th>reason</th><th>by</th><th>at</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            rows,
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

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status == Status.RESOLVED:
            # Frozen once resolved: "Correct the outcome" changes them, with a reason.
            return (*readonly, *(name for name in services.FROZEN_FIELDS if name not in readonly))
        return readonly

    def save_model(self, request, obj, form, change):
        # The form has validated the instance (full_clean); the write itself goes through the
        # service so that the admin, the API and the commands follow the same rules.
        if change:
            data = {name: form.cleaned_data[name] for name in form.changed_data if name in services.EDITABLE_FIELDS}
            tags = [tag.name for tag in form.cleaned_data["tags"]] if "tags" in form.changed_data else None
            services.forecast_update(
                forecast=obj,
                data=data,
                tags=tags,
                changed_by=request.user,
                expected_version=form.cleaned_data.get("opened_version"),
            )
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

    def save_related(self, request, form, formsets, change):
        # On a change the service has written the tags with the other fields (one version).
        if not change:
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


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
