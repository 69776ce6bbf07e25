"""Resolve / correct / unresolve in the admin: the change-form pages and the bulk actions.

Every path ends in `services.forecast_resolve`, `services.forecast_correct` or
`services.forecast_unresolve`; this module only collects the reviewer's answer and reports back.
ForecastAdmin lists these pages in its get_urls and these actions in its actions.
"""

from collections import Counter
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from forecasts import services
from forecasts.models import UNCONFIRMED, Forecast, Outcome, Status

from .forms import CorrectFormBase, ResolveForm, ResolveRowFormSet, UnresolveForm
from .pages import action_page, add_service_errors, admin_url, form_page, object_id_or_404

# The service names fields after the model; the form calls the note "note".
FORM_FIELD_FOR = {"resolution_note": "note", "evidence_url": "evidence_url", "outcome": "outcome"}


def resolve_view(model_admin, request, object_id):
    forecast = _forecast_for_resolution(model_admin, request, object_id)
    if forecast.status == Status.RESOLVED and request.method != "POST":
        model_admin.message_user(
            request, "This forecast is already resolved; correct it with a reason or unresolve it.", messages.INFO
        )
        return HttpResponseRedirect(admin_url(model_admin, "correct", forecast.pk))

    def resolve(data) -> str:
        services.forecast_resolve(
            forecast=forecast,
            outcome=data["outcome"],
            evidence_url=data["evidence_url"],
            note=data["note"],
            resolved_by=request.user,
        )
        return f"Resolved: {Outcome(data['outcome']).label}."

    return form_page(
        model_admin,
        request,
        form=ResolveForm(request.POST or None),
        apply=resolve,
        done_url=admin_url(model_admin, "change", forecast.pk),
        field_for=FORM_FIELD_FOR,
        **_page([forecast], title="Did the claim come true?", submit="Resolve"),
    )


def unresolve_view(model_admin, request, object_id):
    forecast = _forecast_for_resolution(model_admin, request, object_id)
    if forecast.status != Status.RESOLVED:
        model_admin.message_user(request, "This forecast is not resolved.", messages.WARNING)
        return HttpResponseRedirect(admin_url(model_admin, "change", forecast.pk))

    def unresolve(data) -> str:
        services.forecast_unresolve(forecast=forecast, unresolved_by=request.user, reason=data["reason"])
        return "Unresolved; the previous outcome is kept in the history."

    return form_page(
        model_admin,
        request,
        form=UnresolveForm(request.POST or None),
        apply=unresolve,
        done_url=admin_url(model_admin, "change", forecast.pk),
        field_for=FORM_FIELD_FOR,
        **_page([forecast], title="Withdraw the outcome?", submit="Unresolve"),
    )


def correct_view(model_admin, request, object_id):
    """Correct a resolved forecast's record or outcome, with a reason (audited)."""
    forecast = _forecast_for_resolution(model_admin, request, object_id)
    if forecast.status != Status.RESOLVED:
        model_admin.message_user(request, "Only a resolved forecast is corrected; edit it instead.", messages.WARNING)
        return HttpResponseRedirect(admin_url(model_admin, "change", forecast.pk))
    form_class = forms.modelform_factory(
        Forecast,
        form=CorrectFormBase,
        fields=services.CORRECTABLE_FIELDS,
        formfield_callback=partial(model_admin.formfield_for_dbfield, request=request),
    )
    # The form validates a copy; the service re-reads the row under its lock.
    opened = Forecast.objects.get(pk=forecast.pk)
    form = form_class(request.POST or None, instance=opened, initial={"opened_version": forecast.version})

    def correct(data) -> str:
        changes = {name: data[name] for name in form.changed_data if name in services.CORRECTABLE_FIELDS}
        services.forecast_correct(
            forecast=forecast,
            changes=changes,
            reason=data["reason"],
            corrected_by=request.user,
            expected_version=data["opened_version"],
        )
        return f"Corrected: {', '.join(changes)}."

    return form_page(
        model_admin,
        request,
        form=form,
        apply=correct,
        done_url=admin_url(model_admin, "change", forecast.pk),
        field_for=FORM_FIELD_FOR,
        **_page([forecast], title="Correct the resolved record", submit="Correct"),
    )


class _RowsRefused(Exception):
    """Some row was refused by the service: roll back the rows that were resolved before it."""


@admin.action(description="Resolve selected forecasts (did the claim come true?)", permissions=["resolve"])
def resolve_selected(model_admin, request, queryset):
    """One row per selected forecast, each with its own outcome, evidence and note: different
    claims rarely share an outcome. A row left on "not now" is left as it is."""
    proposed = queryset.filter(status__in=UNCONFIRMED)
    # A resolved forecast is not resolved again (correct it or unresolve it): listed as skipped.
    resolvable = list(queryset.exclude(status__in=[*UNCONFIRMED, Status.RESOLVED]).order_by("review_on", "pk"))
    already_resolved = list(queryset.filter(status=Status.RESOLVED))
    by_id = {forecast.pk: forecast for forecast in resolvable}
    formset = ResolveRowFormSet(
        request.POST if "apply" in request.POST else None,
        initial=[{"forecast": forecast.pk} for forecast in resolvable],
        prefix="row",
    )
    if formset.is_bound and formset.is_valid() and _resolve_rows(formset, by_id, request.user):
        answered = [form.cleaned_data for form in formset.forms if form.cleaned_data.get("outcome")]
        counts = Counter(Outcome(row["outcome"]).label.split(" — ")[0] for row in answered)
        summary = ", ".join(f"{label} {count}" for label, count in counts.items())
        model_admin.message_user(request, f"Resolved {len(answered)} forecast(s): {summary}.", messages.SUCCESS)
        if len(answered) < len(resolvable):
            model_admin.message_user(
                request, f"Left {len(resolvable) - len(answered)} forecast(s) unresolved.", messages.INFO
            )
        if proposed.exists():
            model_admin.message_user(
                request,
                f"Skipped {proposed.count()} proposed forecast(s): an editor must confirm them first.",
                messages.WARNING,
            )
        if already_resolved:
            model_admin.message_user(
                request,
                f"Skipped {len(already_resolved)} resolved forecast(s): correct them with a reason or unresolve them.",
                messages.WARNING,
            )
        return None
    rows = [(by_id.get(_row_forecast_id(form)), form) for form in formset.forms]
    return action_page(
        model_admin,
        request,
        template="admin/forecasts/forecast/resolve_rows.html",
        title="Did these claims come true?",
        form=formset,
        formset=formset,
        rows=[(forecast, form) for forecast, form in rows if forecast is not None],
        forecasts=resolvable,
        skipped=[*proposed, *already_resolved],
        action="resolve_selected",
    )


def _row_forecast_id(form) -> int | None:
    try:
        return int(form["forecast"].value())
    except (TypeError, ValueError):
        return None


def _resolve_rows(formset, by_id: dict[int, Forecast], user) -> bool:
    """Resolve every answered row, all or nothing; each refusal is shown on its own row."""
    refused = False
    try:
        with transaction.atomic():
            for form in formset.forms:
                data = form.cleaned_data
                forecast = by_id.get(data["forecast"])
                if forecast is None:
                    form.add_error(None, "This forecast is not among the selected ones that can be resolved.")
                    refused = True
                    continue
                if not data.get("outcome"):
                    continue
                try:
                    with transaction.atomic():
                        services.forecast_resolve(
                            forecast=forecast,
                            outcome=data["outcome"],
                            evidence_url=data["evidence_url"],
                            note=data["note"],
                            resolved_by=user,
                        )
                except ValidationError as error:
                    add_service_errors(form, error, FORM_FIELD_FOR)
                    refused = True
            if refused:
                raise _RowsRefused
    except _RowsRefused:
        return False
    return True


@admin.action(description="Unresolve selected forecasts", permissions=["resolve"])
def unresolve_selected(model_admin, request, queryset):
    resolved = list(queryset.filter(status=Status.RESOLVED))

    def unresolve(data) -> str:
        with transaction.atomic():
            for forecast in resolved:
                services.forecast_unresolve(forecast=forecast, unresolved_by=request.user, reason=data["reason"])
        return f"Unresolved {len(resolved)} forecast(s)."

    return form_page(
        model_admin,
        request,
        form=UnresolveForm(request.POST if "apply" in request.POST else None),
        apply=unresolve,
        field_for=FORM_FIELD_FOR,
        **_page(
            resolved,
            title="Withdraw these outcomes?",
            submit="Unresolve",
            action="unresolve_selected",
            skipped=queryset.exclude(status=Status.RESOLVED),
        ),
    )


def _forecast_for_resolution(model_admin, request, object_id) -> Forecast:
    if not model_admin.has_resolve_permission(request):
        raise PermissionDenied
    return get_object_or_404(Forecast, pk=object_id_or_404(object_id))


def _page(forecasts, *, title, submit, action=None, skipped=None) -> dict:
    return {
        "template": "admin/forecasts/forecast/resolution_form.html",
        "title": title,
        "forecasts": forecasts,
        "skipped": list(skipped) if skipped is not None else [],
        "submit_label": submit,
        "action": action,
    }
