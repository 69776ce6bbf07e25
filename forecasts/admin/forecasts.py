"""ForecastAdmin: the list, the change form and the history of forecasts."""

from functools import partial, update_wrapper

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from forecasts import services
from forecasts.models import Event, Forecast, Status

from . import article_import, due_list, history, proposals, resolution, snooze
from .changelist import ForecastChangeList
from .filters import AssignedFilter, HasForecastsFilter, ReviewStateFilter
from .forms import ForecastAdminForm, ProbabilityEntryField
from .pages import object_id_or_404
from .paginator import EstimatedCountPaginator

# Changed only by linking (services.forecast_link_event), never by an ordinary edit.
EVENT_FIELDS = ("event", "event_link", "event_comparator", "event_threshold")


@admin.register(Forecast)
class ForecastAdmin(SimpleHistoryAdmin):
    """The forecasts: list, change form and history, plus the pages and actions listed in
    get_urls and actions, each a function in its own module that calls a service."""

    actions = (
        proposals.accept_proposed,
        proposals.reject_proposed,
        proposals.restore_rejected,
        resolution.resolve_selected,
        resolution.unresolve_selected,
        snooze.snooze_selected,
    )
    list_display = (
        "claim_display",
        due_list.days_overdue_display,
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
        AssignedFilter,
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
        return obj.get_absolute_url() if obj.is_public else None

    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}

    class Media:
        css = {"all": ("forecasts/admin.css",)}

    form = ForecastAdminForm
    autocomplete_fields = ("source", "author", "reviewer", "tags", "event")
    readonly_fields = (
        "status",
        "outcome",
        "evidence_url",
        "resolution_note",
        "resolved_by",
        "resolved_at",
        "corrections_display",
        "suggested_events_display",
    )
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
        (
            "Event and reference",
            {
                "fields": (
                    "event",
                    "event_link",
                    ("event_comparator", "event_threshold"),
                    "suggested_events_display",
                    ("reference_probability", "reference_source"),
                ),
                "description": "The event this forecast is about, shared with other forecasts (resolving the event "
                "resolves them all), and a reference probability to compare it with.",
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

    @admin.display(description="likely events")
    def suggested_events_display(self, obj):
        if obj is None or obj.pk is None:
            return "Save the forecast first: events are suggested from its claim, tags and window."
        events = Event.objects.suggested_for(obj)
        if not events:
            return "No event with a shared tag or a similar title overlaps this forecast's window."
        return format_html_join(
            "",
            '<div><a href="{}">{}</a> <small>(deadline {}, similarity {}, shared tags {})</small></div>',
            (
                (
                    reverse("admin:forecasts_event_change", args=[event.pk]),
                    event.title,
                    event.deadline,
                    f"{event.similarity:.2f}",
                    event.shared_tags,
                )
                for event in events
            ),
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The change form and the correction form alike take "70 %" or "likely".
        if db_field.name == "probability":
            return ProbabilityEntryField(label=db_field.verbose_name.capitalize(), required=not db_field.blank)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_list_display(self, request):
        return due_list.list_display_for(self, request, super().get_list_display(request))

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
            if set(EVENT_FIELDS) & set(form.changed_data):
                self._link_event(request, obj, form)
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
            if form.cleaned_data.get("event") is not None:
                self._link_event(request, obj, form)
            obj.refresh_from_db()

    def _link_event(self, request, obj, form):
        services.forecast_link_event(
            forecast=obj,
            event=form.cleaned_data.get("event"),
            link=form.cleaned_data.get("event_link") or "",
            comparator=form.cleaned_data.get("event_comparator") or "",
            threshold=form.cleaned_data.get("event_threshold"),
            linked_by=request.user,
        )

    def save_related(self, request, form, formsets, change):
        # On a change the service has written the tags with the other fields (one version).
        if not change:
            form.save_m2m()
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    # Extra pages --------------------------------------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        pages = [
            ("import-article/", article_import.import_article_view, "import_article"),
            ("proposals/", proposals.proposals_view, "proposals"),
            ("proposals/restore/", proposals.restore_view, "restore_rejected"),
            ("<path:object_id>/resolve/", resolution.resolve_view, "resolve"),
            ("<path:object_id>/correct/", resolution.correct_view, "correct"),
            ("<path:object_id>/unresolve/", resolution.unresolve_view, "unresolve"),
            ("<path:object_id>/snooze/", snooze.snooze_view, "snooze"),
        ]
        return [
            path(route, self.admin_site.admin_view(self._page(view)), name="{}_{}_{}".format(*info, name))
            for route, view, name in pages
        ] + super().get_urls()

    def _page(self, view):
        """The page function bound to this admin, with the function's name for admin_view."""
        return update_wrapper(partial(view, self), view)

    def has_decide_permission(self, request) -> bool:
        return proposals.may_decide(self, request)

    def has_resolve_permission(self, request) -> bool:
        return request.user.has_perm("forecasts.resolve_forecast")

    def has_snooze_permission(self, request) -> bool:
        return request.user.has_perm("forecasts.snooze_forecast")

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import_article": self.has_add_permission(request),
            "can_decide_proposals": self.has_decide_permission(request),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_resolve": self.has_resolve_permission(request),
            "can_snooze": self.has_snooze_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    # simple-history's page for one historical version is a form that saves what it is sent, with
    # only view permission and around every service rule. Here it shows the version and saves nothing.

    def history_view(self, request, object_id, extra_context=None):
        return history.history_view(self, request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        object_id_or_404(object_id)
        object_id_or_404(version_id)
        if request.method not in ("GET", "HEAD"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
