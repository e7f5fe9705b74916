"""A chart slide's `chart:`: its type, categories and series, checked against each other."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from deck.outline.fields import Model, Text, TextList, problem

Number = Annotated[float, Field(allow_inf_nan=False)]


class Series(Model):
    name: Text
    # null leaves the value out: no bar, a gap in the line
    values: list[Number | None] = Field(min_length=1)
    prefix: Text | None = None  # this series' own; the chart's prefix otherwise
    suffix: Text | None = None  # this series' own, e.g. " kg"; the chart's suffix otherwise


class Chart(Model):
    type: Literal["bar", "column", "line", "pie", "doughnut"]
    categories: TextList = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    highlight: Text | None = None  # a category to set apart in the highlight colour
    prefix: Text | None = None  # written before every number, e.g. "$"
    suffix: Text | None = None  # written after every number, e.g. " %" or " experts"

    @model_validator(mode="after")
    def _shape(self):
        count = len(self.categories)
        for i, series in enumerate(self.series):
            given = len(series.values)
            # A line may stop early (the months so far); the rest of it is a gap.
            if given > count or (given < count and self.type != "line"):
                hint = ("give at most one value per category; a line may stop early" if self.type == "line"
                        else "give one value per category, in the same order; null leaves one out")
                raise problem(f"series '{series.name}' has {given} values for {count} categories", hint,
                              ("series", i, "values"))
            if all(v is None for v in series.values):
                raise problem(f"series '{series.name}' has no values, only null",
                              "give at least one number, or leave the series out", ("series", i, "values"))
        if self.type in ("pie", "doughnut"):
            if len(self.series) != 1:
                raise problem(f"a {self.type} chart shows one series, got {len(self.series)}",
                              "use a bar or column chart to compare series", "series")
            values = self.series[0].values
            if any(v is None for v in values):
                raise problem(f"a {self.type} chart needs a value for every slice, got null",
                              "give the slice its number (0 if it has none), or leave its category out",
                              ("series", 0, "values"))
            if any(v is not None and v < 0 for v in values):
                raise problem(f"a {self.type} chart cannot show negative values",
                              "use a bar or column chart", "series")
        if self.highlight is not None and self.highlight not in self.categories:
            raise problem(f"'{self.highlight}' is not one of the categories",
                          f"use one of: {', '.join(self.categories)}", "highlight")
        return self

    def affixes(self, series: Series) -> tuple[str | None, str | None]:
        """The prefix and suffix of a series' numbers: its own, else the chart's."""
        return (series.prefix if series.prefix is not None else self.prefix,
                series.suffix if series.suffix is not None else self.suffix)
