"""The building blocks of the outline's model: texts, minutes, lists that may be written as one
item, the strict base model, and validation errors that carry a hint to the user."""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError


def as_text(value: Any) -> Any:
    # A number in a text field is text the user wrote ("2013", "1.850"): keep it as written.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return getattr(value, "text", str(value))
    return value


def _not_blank(value: str) -> str:
    # A blank text would be an empty place on a slide; validation words the hint for the field.
    if not value.strip():
        raise PydanticCustomError("blank", "is empty")
    return value


Text = Annotated[str, BeforeValidator(as_text), AfterValidator(_not_blank)]
# A table cell may be empty (a corner above row labels, a figure not known yet): "" is written on purpose.
Cell = Annotated[str, BeforeValidator(as_text)]
Minutes = Annotated[float, Field(gt=0, le=24 * 60)]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


TextList = Annotated[list[Text], BeforeValidator(_one_or_many)]
CellList = Annotated[list[Cell], BeforeValidator(_one_or_many)]


def problem(message: str, hint: str, field: str | tuple | None = None,
            other: tuple | None = None) -> PydanticCustomError:
    """A validation error whose hint (and, from a model check, its field path) reach the user;
    `{line}` in the hint becomes the line of the value at the outline path `other`."""
    return PydanticCustomError("deck", "{message}", {"message": message, "hint": hint, "field": field,
                                                      "other": other})


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
