"""What every extra page of the forecast admin shares: one way to render an action page, to run
its form through a service, to show a service's refusal on the form, and to read the id in an
admin URL."""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from forecasts.rules import parse_id


def action_page(model_admin, request, *, template: str, title: str, form, **context) -> TemplateResponse:
    """An admin page around a form: the site's context, the model's options, the form's media."""
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": title,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": model_admin.media + form.media,
            **context,
        },
    )


def form_page(
    model_admin,
    request,
    *,
    form,
    apply: Callable[[dict], str],
    done_url: str | None = None,
    field_for: dict[str, str] | None = None,
    **page,
):
    """The shape of every action page: a valid form goes to the service through `apply`, which
    returns what to tell the user; a refusal is shown on the form and the page again. After
    success the user is sent to done_url; without one the response is None, which returns an
    admin action to the list. Otherwise the page: action_page with `page`."""
    if form.is_bound and form.is_valid():
        try:
            done = apply(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error, field_for)
        else:
            model_admin.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(done_url) if done_url is not None else None
    return action_page(model_admin, request, form=form, **page)


def add_service_errors(form: forms.Form, error: ValidationError, field_for: dict[str, str] | None = None) -> None:
    """A service's refusal on the form: on the field it names (model names mapped through
    field_for to the form's), else above the form."""
    field_for = field_for or {}
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = name if name in form.fields else field_for.get(name)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def object_id_or_404(object_id) -> int:
    """The id in an admin URL as an integer; anything else ("abc", "1.5", "²") is no such page."""
    if (forecast_id := parse_id(str(object_id))) is None:
        raise Http404("No such forecast.")
    return forecast_id


def admin_url(model_admin, name: str, *args) -> str:
    return reverse(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_{name}", args=args)
