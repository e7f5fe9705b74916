"""Pictures, native charts and tables onto a slide, exactly as the plan placed them."""
from __future__ import annotations

from copy import deepcopy

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
from pptx.util import Pt

from deck.layout.chart_labels import GAP_WIDTH, HOLE, SPACING
from deck.look.colour import contrast, passing_shade
from deck.look.theme import MIN_CONTRAST, Theme
from deck.ooxml import ADEC, qn
from deck.plan import Chart, Picture, Table
from deck.render import drawing
from deck.render.drawing import pt

_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
    "doughnut": XL_CHART_TYPE.DOUGHNUT,
}
_DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def add_picture(slide, item: Picture, placeholder=None) -> None:
    """The picture at its box; in `placeholder` (a layout's picture or content placeholder on the
    slide) when given: it takes the placeholder's place, and PowerPoint's "Change Picture" and
    "Reset" keep to the layout's frame."""
    b = item.box
    picture = slide.shapes.add_picture(item.file, pt(b.x), pt(b.y), pt(b.w), pt(b.h))
    picture.crop_left, picture.crop_top, picture.crop_right, picture.crop_bottom = item.crop
    if placeholder is not None:
        _into(picture._element, placeholder)
    c_nv_pr = picture._element.nvPicPr.cNvPr
    c_nv_pr.set("name", item.name)
    # python-pptx puts the file name in the alt text; screen readers would read it aloud.
    c_nv_pr.set("descr", item.alt)
    if item.decorative:
        ext_lst = etree.SubElement(c_nv_pr, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"), uri=_DECORATIVE_EXT)
        etree.SubElement(ext, qn("adec:decorative"), nsmap={"adec": ADEC}, val="1")


def _into(shape, placeholder) -> None:
    """A picture or graphic frame as the placeholder's content, as python-pptx's insert_picture,
    insert_chart and insert_table make it: the placeholder's `p:ph`, and the placeholder's place
    among the slide's shapes, which it replaces. The shape keeps the frame the layout measured
    (python-pptx's inserts take the placeholder's)."""
    properties = shape[0]  # p:nvPicPr or p:nvGraphicFramePr
    properties.find(qn("p:nvPr")).insert(0, deepcopy(placeholder.find(qn("p:nvSpPr")).find(qn("p:nvPr"))
                                                     .find(qn("p:ph"))))
    for locks in properties.iter(qn("a:picLocks"), qn("a:graphicFrameLocks")):
        locks.set("noGrp", "1")  # as PowerPoint marks a shape in a placeholder
    placeholder.addprevious(shape)
    placeholder.getparent().remove(placeholder)


def _rgb(theme: Theme, colour: str) -> RGBColor:
    """A palette role or a colour given as "#RRGGBB" (a chart's series)."""
    return RGBColor.from_string(theme.palette.hex(colour))


def add_chart(slide, item: Chart, theme: Theme, language: str, placeholder=None) -> None:
    """The chart at its box; in `placeholder` (a layout's content or chart placeholder on the
    slide) when given, as its content."""
    from pptx.chart.data import CategoryChartData  # brings XlsxWriter: only decks with a chart need it

    data = CategoryChartData(number_format=item.number_format)
    data.categories = item.categories
    for i, (name, values) in enumerate(item.series):
        data.add_series(name, values, item.formats[i] if item.formats else None)
    b = item.box
    frame = slide.shapes.add_chart(_CHART_TYPES[item.type], pt(b.x), pt(b.y), pt(b.w), pt(b.h), data)
    frame.name = item.name
    if placeholder is not None:
        _into(frame._element, placeholder)
    chart = frame.chart
    chart.has_title = False  # the slide's headline states the finding
    chart.font.size = Pt(item.size)
    chart.font.name = theme.font
    chart.font.color.rgb = _rgb(theme, "ink")
    for d in chart._chartSpace.get_or_add_txPr().iter(qn("a:defRPr")):
        d.set("lang", language)
    chart.has_legend = item.legend
    if item.legend:
        # A doughnut names its slices beside the ring, and a pie too thin to name them all at its
        # slices; other charts' legends are deck's text boxes.
        chart.legend.position = XL_LEGEND_POSITION.RIGHT
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(item.size)
    plot = chart.plots[0]
    round_chart = item.type in ("pie", "doughnut")
    plot.vary_by_categories = round_chart
    for i, series in enumerate(plot.series):
        _labels(series, item, i, theme)
    if round_chart:
        _colour_points(plot.series[0], item.colours, theme)
        if item.type == "doughnut":
            hole = plot._element.find(qn("c:holeSize"))
            if hole is not None:
                hole.set("val", str(HOLE))  # python-pptx's 10 % hole reads as a pie
        return
    if len(item.series) == 1 and item.type != "line":
        _colour_points(plot.series[0], item.colours, theme)
    else:
        for series, colour in zip(plot.series, item.colours, strict=False):
            if item.type == "line":
                series.format.line.color.rgb = _rgb(theme, colour)
                series.format.line.width = Pt(3)
                series.marker.format.fill.solid()
                series.marker.format.fill.fore_color.rgb = _rgb(theme, colour)
                series.marker.format.line.color.rgb = _rgb(theme, colour)
                series.smooth = False
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = _rgb(theme, colour)
    if item.type != "line":
        plot.gap_width = GAP_WIDTH
        plot.overlap = 0 if len(item.series) == 1 else -SPACING
    value_axis, category_axis = chart.value_axis, chart.category_axis
    # Direct labels carry the numbers; a line chart keeps a light scale to read the trend against,
    # and bars whose labels cannot be read get one too.
    scale = item.type == "line" or item.axis
    value_axis.visible = scale
    value_axis.has_major_gridlines = scale
    if scale:
        value_axis.major_gridlines.format.line.color.rgb = _rgb(theme, "rule")
        value_axis.tick_labels.number_format = item.number_format
        value_axis.tick_labels.number_format_is_linked = False
        value_axis.format.line.fill.background()
    category_axis.format.line.color.rgb = _rgb(theme, "rule")
    # Bars are drawn bottom-up; reversed, they read top-down in the outline's order.
    category_axis.reverse_order = item.type == "bar"
    category_axis.has_major_gridlines = False
    # The names stay beside the plot where bars run below zero, not on the bars.
    category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW


def _labels(series, item: Chart, index: int, theme: Theme) -> None:
    """The series' value labels in its own number format, each point's shown or left out as the
    layout decided (a label left out is a c:dLbl that deletes it)."""
    shown = item.labelled[index] if item.labelled else (True,) * len(item.categories)
    values = item.series[index][1]
    if not any(shown):
        return
    labels = series.data_labels
    labels.number_format = item.formats[index] if item.formats else item.number_format
    labels.number_format_is_linked = False
    labels.show_value = True
    labels.font.size = Pt(item.size)
    if item.type == "pie":
        labels.show_category_name = True
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        _label_separator(labels._element, "\n")
    elif item.type == "doughnut":
        # Values sit on the ring, each in the ink or the background colour, whichever reads on its
        # slice; names are in the legend.
        labels.font.bold = True
        palette = theme.palette
        for i, show in enumerate(shown):
            if show:
                fill = palette.hex(item.colours[i])
                text = max((palette.hex("ink"), palette.background), key=lambda c: contrast(c, fill))
                label = series.points[i].data_label
                label.font.color.rgb = RGBColor.from_string(text)
                label.font.bold = True
                label.font.size = Pt(item.size)
                d_lbl = label._dLbl
                if d_lbl is not None:
                    _label_format(d_lbl, labels.number_format)
    else:
        labels.position = (XL_LABEL_POSITION.OUTSIDE_END if item.type != "line"
                           else XL_LABEL_POSITION.RIGHT if item.ends else XL_LABEL_POSITION.ABOVE)
    if item.type == "line" and len(item.series) > 1:
        # A line's labels in its colour, as dark (or light) as text needs: they say whose they are.
        background = theme.palette.background
        colour = passing_shade(theme.palette.hex(item.colours[index]), background, MIN_CONTRAST)
        labels.font.color.rgb = RGBColor.from_string(colour or theme.palette.hex("ink"))
    d_lbls = labels._element
    for i, show in reversed(list(enumerate(shown))):
        if not show and values[i] is not None:
            d_lbl = etree.Element(qn("c:dLbl"))
            etree.SubElement(d_lbl, qn("c:idx"), val=str(i))
            etree.SubElement(d_lbl, qn("c:delete"), val="1")
            d_lbls.insert(0, d_lbl)


def _label_format(d_lbl, code: str) -> None:
    """A point's own label in the series' number format; LibreOffice drops an empty c:spPr's label
    properties."""
    empty = d_lbl.find(qn("c:spPr"))
    if empty is not None and len(empty) == 0:
        d_lbl.remove(empty)
    number = etree.Element(qn("c:numFmt"), formatCode=code, sourceLinked="0")
    d_lbl.find(qn("c:idx")).addnext(number)


def _label_separator(d_lbls, text: str) -> None:
    """Name and value on two lines; python-pptx has no API for c:separator, which sits before these."""
    separator = etree.Element(qn("c:separator"))
    separator.text = text
    later = [d_lbls.find(qn(tag)) for tag in ("c:showLeaderLines", "c:leaderLines", "c:extLst")]
    later = [e for e in later if e is not None]
    if later:
        later[0].addprevious(separator)
    else:
        d_lbls.append(separator)


def _colour_points(series, roles: tuple[str, ...], theme: Theme) -> None:
    for point, role in zip(series.points, roles, strict=False):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(theme, role)
        point.format.line.color.rgb = _rgb(theme, "background")


def add_table(sp_tree, shape_id: int, item: Table, theme: Theme, language: str, placeholder=None) -> None:
    """The table at its box, numbered `shape_id`; in `placeholder` (a layout's content or table
    placeholder on the slide) when given, as its content."""
    frame = drawing.table(shape_id, item, theme, language)
    if placeholder is not None:
        _into(frame, placeholder)
    else:
        sp_tree.append(frame)
