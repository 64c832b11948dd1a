"""Render form fields with the Europa Component Library's classes. Django adds
aria-describedby (help text, errors) and aria-invalid itself."""

from __future__ import annotations

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def widget_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "portal-checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "portal-choice-list"
    if isinstance(widget, forms.Select):
        return "ecl-select"
    if isinstance(widget, forms.Textarea):
        return "ecl-text-area"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "ecl-file-upload__input portal-file-input"
    return "ecl-text-input"


@register.filter
def ecl_widget(field: BoundField) -> SafeString:
    """The field's widget with ECL classes added to its own."""
    classes = " ".join(
        filter(None, [field.field.widget.attrs.get("class"), widget_class(field.field.widget)])
    )
    return field.as_widget(attrs={"class": classes})


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag(takes_context=True)
def optional_include(context: template.Context, template_name: str) -> str:
    """Render a template other apps may provide (e.g. the pledges section of the
    organisation page); nothing when it does not exist."""
    from django.template.loader import get_template

    try:
        included = get_template(template_name)
    except template.TemplateDoesNotExist:
        return ""
    return included.render(context.flatten(), context.get("request"))
