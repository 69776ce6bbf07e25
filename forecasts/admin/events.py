"""EventAdmin: events shared by several forecasts, their linked forecasts, and the page that
resolves an event with all of them (services.event_resolve)."""

from functools import partial, update_wrapper

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from forecasts import services
from forecasts.models import Event, Outcome

from .forms import EventResolveForm
from .pages import action_page, add_service_errors, admin_url, object_id_or_404

# The service names fields after the model; the form calls the note "note" and the value "value".
FORM_FIELD_FOR = {"resolution_note": "note", "resolved_value": "value"}
# Linked forecasts shown on an event's page; the count says how many more there are.
LINKED_SHOWN = 100


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "deadline", "outcome", "linked_count")
    list_filter = ("outcome", "tags")
    search_fields = ("title", "resolution_criteria")
    autocomplete_fields = ("tags",)
    readonly_fields = (
        "outcome",
        "resolved_value",
        "evidence_url",
        "resolution_note",
        "resolved_by",
        "resolved_at",
        "linked_display",
    )
    fieldsets = (
        (
            "Event",
            {
                "fields": ("title", "resolution_criteria", ("starts_on", "deadline"), "tags"),
                "description": "What is predicted, once, for every forecast about it.",
            },
        ),
        ("Reference", {"fields": (("reference_probability", "reference_source"),)}),
        (
            "Resolution",
            {
                "fields": (
                    "outcome",
                    "resolved_value",
                    "evidence_url",
                    "resolution_note",
                    "resolved_by",
                    "resolved_at",
                ),
                "description": "Set by resolving the event, which resolves every linked forecast with it.",
            },
        ),
        ("Linked forecasts", {"fields": ("linked_display",)}),
    )
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 80})}}

    @admin.display(description="forecasts")
    def linked_count(self, obj):
        return obj.forecasts.count()

    @admin.display(description="linked forecasts")
    def linked_display(self, obj):
        if obj is None or obj.pk is None:
            return "None yet: link forecasts from their own pages."
        linked = list(obj.forecasts.select_related("author").order_by("id")[: LINKED_SHOWN + 1])
        if not linked:
            return "None yet: link forecasts from their own pages."
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:forecasts_forecast_change", args=[f.pk]),
                    str(f),
                    f.author,
                    f.get_event_link_display()
                    + (f" {f.event_comparator} {f.event_threshold:g}" if f.event_threshold is not None else ""),
                    f.probability if f.probability is not None else "—",
                    f.outcome or f.get_status_display(),
                )
                for f in linked[:LINKED_SHOWN]
            ),
        )
        more = f"<p>… and more ({obj.forecasts.count() - LINKED_SHOWN}).</p>" if len(linked) > LINKED_SHOWN else ""
        return format_html(
            "<table><thead><tr><th>claim</th><th>forecaster</th><th>link</th><th>probability</th>"
            "<th>outcome</th></tr></thead><tbody>{}</tbody></table>{}",
            rows,
            format_html(more) if more else "",
        )

    def save_model(self, request, obj, form, change):
        tags = [tag.name for tag in form.cleaned_data["tags"]]
        if change:
            data = {n: form.cleaned_data[n] for n in form.changed_data if n in services.EVENT_EDITABLE_FIELDS}
            services.event_update(
                event=obj, data=data, tags=tags if "tags" in form.changed_data else None, changed_by=request.user
            )
        else:
            fields = {n: form.cleaned_data[n] for n in services.EVENT_EDITABLE_FIELDS}
            created = services.event_create(**fields, tags=tags, created_by=request.user)
            obj.pk = created.pk
            obj._state.adding = False
            obj.refresh_from_db()

    def save_related(self, request, form, formsets, change):
        # The service has written the tags with the other fields.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def has_resolve_permission(self, request) -> bool:
        # Resolving an event resolves its forecasts: whoever may resolve forecasts may do it.
        return request.user.has_perm("forecasts.resolve_forecast")

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = update_wrapper(partial(resolve_view, self), resolve_view)
        name = "{}_{}_resolve".format(*info)
        return [path("<path:object_id>/resolve/", self.admin_site.admin_view(view), name=name), *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_resolve": self.has_resolve_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)


def resolve_view(model_admin, request, object_id):
    if not model_admin.has_resolve_permission(request):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=object_id_or_404(object_id))
    if event.is_resolved:
        model_admin.message_user(request, "This event is already resolved.", messages.INFO)
        return HttpResponseRedirect(admin_url(model_admin, "change", event.pk))
    form = EventResolveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.event_resolve(
                event=event,
                outcome=form.cleaned_data["outcome"],
                evidence_url=form.cleaned_data["evidence_url"],
                note=form.cleaned_data["note"],
                value=form.cleaned_data["value"],
                resolved_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error, FORM_FIELD_FOR)
        else:
            model_admin.message_user(
                request,
                f"Resolved: {Outcome(form.cleaned_data['outcome']).label}; {result.resolved} linked forecast(s) "
                f"resolved with it, {result.already_resolved} already resolved, {result.proposed} proposed left "
                "as they are.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(admin_url(model_admin, "change", event.pk))
    linked = list(event.forecasts.select_related("author").order_by("id")[:LINKED_SHOWN])
    return action_page(
        model_admin,
        request,
        template="admin/forecasts/event/resolve_form.html",
        title="Did the event happen?",
        form=form,
        event=event,
        linked=linked,
        linked_total=event.forecasts.count(),
    )
