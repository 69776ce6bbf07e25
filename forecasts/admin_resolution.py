"""Resolve / correct / unresolve in the admin: change-form buttons and bulk actions.

Every path ends in `services.forecast_resolve`, `services.forecast_correct` or
`services.forecast_unresolve`; this module only collects the reviewer's answer and reports back.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import rules, services
from .models import Forecast, Outcome, Status

# The service names fields after the model; the form calls the note "note".
FORM_FIELD_FOR = {"resolution_note": "note", "evidence_url": "evidence_url", "outcome": "outcome"}


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="Did the claim come true?",
        help_text="Judge the claim against its resolution criteria, not whether the forecaster was right.",
    )
    evidence_url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        label="Evidence URL",
        help_text="Required for yes and no: where anyone can check the outcome.",
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required for yes and no: what the evidence shows, and any caveats.",
    )


class UnresolveForm(forms.Form):
    reason = forms.CharField(
        max_length=500,
        help_text="Why the outcome is withdrawn; kept in the history with the old outcome.",
    )


def opened_version_field() -> forms.IntegerField:
    # The version the form was opened on, so that saving over a newer state is refused.
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class CorrectFormBase(forms.ModelForm):
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why the record is corrected after resolution; shown with the correction.",
    )
    opened_version = opened_version_field()


def object_id_or_404(object_id) -> int:
    """The id in an admin URL as an integer; anything else ("abc", "1.5", "²") is no such page."""
    if (forecast_id := rules.parse_id(str(object_id))) is None:
        raise Http404("No such forecast.")
    return forecast_id


def _add_service_errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = name if name in form.fields else FORM_FIELD_FOR.get(name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ResolutionAdminMixin:
    """For ForecastAdmin: resolve and unresolve buttons on the change form, and bulk actions."""

    actions = ("resolve_selected", "unresolve_selected")

    def has_resolve_permission(self, request) -> bool:
        return request.user.has_perm("forecasts.resolve_forecast")

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/resolve/",
                self.admin_site.admin_view(self.resolve_view),
                name="{}_{}_resolve".format(*info),
            ),
            path(
                "<path:object_id>/correct/",
                self.admin_site.admin_view(self.correct_view),
                name="{}_{}_correct".format(*info),
            ),
            path(
                "<path:object_id>/unresolve/",
                self.admin_site.admin_view(self.unresolve_view),
                name="{}_{}_unresolve".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_resolve": self.has_resolve_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    # Change-form buttons -------------------------------------------------------------------

    def resolve_view(self, request, object_id):
        forecast = self._forecast_for_resolution(request, object_id)
        if forecast.status == Status.RESOLVED and request.method != "POST":
            self.message_user(
                request, "This forecast is already resolved; correct it with a reason or unresolve it.", messages.INFO
            )
            return HttpResponseRedirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_correct", args=[forecast.pk])
            )
        form = ResolveForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.forecast_resolve(
                    forecast=forecast,
                    outcome=form.cleaned_data["outcome"],
                    evidence_url=form.cleaned_data["evidence_url"],
                    note=form.cleaned_data["note"],
                    resolved_by=request.user,
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                self.message_user(
                    request, f"Resolved: {Outcome(form.cleaned_data['outcome']).label}.", messages.SUCCESS
                )
                return HttpResponseRedirect(self._change_url(forecast))
        return self._render_form(request, form, [forecast], title="Did the claim come true?", submit="Resolve")

    def unresolve_view(self, request, object_id):
        forecast = self._forecast_for_resolution(request, object_id)
        if forecast.status != Status.RESOLVED:
            self.message_user(request, "This forecast is not resolved.", messages.WARNING)
            return HttpResponseRedirect(self._change_url(forecast))
        form = UnresolveForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.forecast_unresolve(
                    forecast=forecast, unresolved_by=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                self.message_user(request, "Unresolved; the previous outcome is kept in the history.", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(forecast))
        return self._render_form(request, form, [forecast], title="Withdraw the outcome?", submit="Unresolve")

    def correct_view(self, request, object_id):
        """Correct a resolved forecast's record or outcome, with a reason (audited)."""
        forecast = self._forecast_for_resolution(request, object_id)
        if forecast.status != Status.RESOLVED:
            self.message_user(request, "Only a resolved forecast is corrected; edit it instead.", messages.WARNING)
            return HttpResponseRedirect(self._change_url(forecast))
        form_class = forms.modelform_factory(
            Forecast,
            form=CorrectFormBase,
            fields=services.CORRECTABLE_FIELDS,
            formfield_callback=partial(self.formfield_for_dbfield, request=request),
        )
        # The form validates a copy; the service re-reads the row under its lock.
        opened = Forecast.objects.get(pk=forecast.pk)
        form = form_class(request.POST or None, instance=opened, initial={"opened_version": forecast.version})
        if request.method == "POST" and form.is_valid():
            changes = {
                name: form.cleaned_data[name] for name in form.changed_data if name in services.CORRECTABLE_FIELDS
            }
            try:
                services.forecast_correct(
                    forecast=forecast,
                    changes=changes,
                    reason=form.cleaned_data["reason"],
                    corrected_by=request.user,
                    expected_version=form.cleaned_data["opened_version"],
                )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                self.message_user(request, f"Corrected: {', '.join(changes)}.", messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(forecast))
        return self._render_form(request, form, [forecast], title="Correct the resolved record", submit="Correct")

    # Bulk actions --------------------------------------------------------------------------

    @admin.action(description="Resolve selected forecasts (did the claim come true?)", permissions=["resolve"])
    def resolve_selected(self, request, queryset):
        form = ResolveForm(request.POST if "apply" in request.POST else None)
        proposed = queryset.filter(status=Status.PROPOSED)
        # A resolved forecast is not resolved again (correct it or unresolve it): listed as skipped.
        resolvable = list(queryset.exclude(status__in=[Status.PROPOSED, Status.RESOLVED]))
        already_resolved = list(queryset.filter(status=Status.RESOLVED))
        if form.is_bound and form.is_valid():
            try:
                # All or nothing: one bad answer must not leave half the selection resolved.
                with transaction.atomic():
                    for forecast in resolvable:
                        services.forecast_resolve(
                            forecast=forecast,
                            outcome=form.cleaned_data["outcome"],
                            evidence_url=form.cleaned_data["evidence_url"],
                            note=form.cleaned_data["note"],
                            resolved_by=request.user,
                        )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                outcome = Outcome(form.cleaned_data["outcome"]).label
                self.message_user(request, f"Resolved {len(resolvable)} forecast(s): {outcome}.", messages.SUCCESS)
                if proposed.exists():
                    self.message_user(
                        request,
                        f"Skipped {proposed.count()} proposed forecast(s): an editor must confirm them first.",
                        messages.WARNING,
                    )
                if already_resolved:
                    self.message_user(
                        request,
                        f"Skipped {len(already_resolved)} resolved forecast(s): correct them with a reason or "
                        "unresolve them.",
                        messages.WARNING,
                    )
                return None
        return self._render_form(
            request,
            form,
            resolvable,
            title="Did these claims come true?",
            submit="Resolve",
            action="resolve_selected",
            skipped=[*proposed, *already_resolved],
        )

    @admin.action(description="Unresolve selected forecasts", permissions=["resolve"])
    def unresolve_selected(self, request, queryset):
        form = UnresolveForm(request.POST if "apply" in request.POST else None)
        resolved = list(queryset.filter(status=Status.RESOLVED))
        if form.is_bound and form.is_valid():
            try:
                with transaction.atomic():
                    for forecast in resolved:
                        services.forecast_unresolve(
                            forecast=forecast, unresolved_by=request.user, reason=form.cleaned_data["reason"]
                        )
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                self.message_user(request, f"Unresolved {len(resolved)} forecast(s).", messages.SUCCESS)
                return None
        return self._render_form(
            request,
            form,
            resolved,
            title="Withdraw these outcomes?",
            submit="Unresolve",
            action="unresolve_selected",
            skipped=queryset.exclude(status=Status.RESOLVED),
        )

    # Helpers -------------------------------------------------------------------------------

    def _forecast_for_resolution(self, request, object_id) -> Forecast:
        if not self.has_resolve_permission(request):
            raise PermissionDenied
        return get_object_or_404(Forecast, pk=object_id_or_404(object_id))

    def _change_url(self, forecast: Forecast) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[forecast.pk])

    def _render_form(self, request, form, forecasts, *, title, submit, action=None, skipped=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "form": form,
            "forecasts": forecasts,
            "skipped": list(skipped) if skipped is not None else [],
            "submit_label": submit,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/forecasts/forecast/resolution_form.html", context)
