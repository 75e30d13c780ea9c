"""An OpenDocument spreadsheet and presentation written by the tests as flat files (.fods, .fodp), each holding
what its reader must show and what it must leave out, named so a test can tell one from the other."""

from __future__ import annotations

from tests.opendoc import flat_xml

# Words Calc or Impress does not show (a hidden row, column or sheet, a covered cell, a comment, a hidden slide
# and its notes, an empty placeholder's prompt, an invisible shape)
SHEET_HIDDEN = ("SecretColumn", "hiddencolumn", "HiddenRowWord", "CoveredWord", "FilteredWord", "HiddenSheetWord",
                "CommentWord", "after merge")  # the cell after the merged one: in the hidden column
SLIDE_HIDDEN = ("HiddenSlideWord", "HiddenNoteWord", "Click to add Text", "InvisibleShapeWord")


def _cell(text: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'


def _row(cells: str, extra: str = "") -> str:
    return f"<table:table-row{extra}>{cells}</table:table-row>"


def sheets_fods() -> bytes:
    """Three sheets, the second hidden; on the first a hidden column and row, a filtered-out row, a comment, a
    merged cell covering another, a repeated cell and row, a cell of two paragraphs and 1,048,566 empty rows."""
    automatic = ('<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/>'
                 '</style:style><style:style style:name="ta2" style:family="table">'
                 '<style:table-properties table:display="false"/></style:style>')
    first = ('<table:table table:name="Sales" table:style-name="ta1">'
             '<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>'
             '<table:table-column table:number-columns-repeated="1021"/>'
             + _row(_cell("Region") + _cell("Sales") + _cell("SecretColumn") + _cell("Note"))
             + _row(_cell("North") + '<table:table-cell office:value-type="float" office:value="1200.5"><text:p>1200.5'
                    '</text:p></table:table-cell>' + _cell("hiddencolumn") + '<table:table-cell office:value-type='
                    '"string"><office:annotation><text:p>CommentWord</text:p></office:annotation><text:p>Checked'
                    "</text:p></table:table-cell>")
             + _row(_cell("HiddenRowWord"), ' table:visibility="collapse"')
             + _row(_cell("Merged wide", ' table:number-columns-spanned="2" table:number-rows-spanned="1"')
                    + '<table:covered-table-cell office:value-type="string"><text:p>CoveredWord</text:p>'
                    "</table:covered-table-cell>" + _cell("after merge"))
             + _row(_cell("Twice", ' table:number-columns-repeated="2"'))
             + _row('<table:table-cell office:value-type="string"><text:p>First<text:s text:c="2"/>line</text:p>'
                    "<text:p><text:span>Second</text:span> line</text:p></table:table-cell>")
             + _row(_cell("FilteredWord"), ' table:visibility="filter"')
             + _row(_cell("Again") + _cell("and again"), ' table:number-rows-repeated="2"')
             + _row('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="1048566"')
             + "</table:table>")
    hidden = ('<table:table table:name="Hidden" table:style-name="ta2">' + _row(_cell("HiddenSheetWord"))
              + "</table:table>")
    third = ('<table:table table:name="Third" table:style-name="ta1">'
             + _row(_cell("Third sheet cell") + _cell("12.5%")) + "</table:table>")
    return flat_xml(first + hidden + third, automatic, "spreadsheet", meta="<dc:title>Sales book</dc:title>")


def _frame(inner: str, x: str, y: str, extra: str = "") -> str:
    return (f'<draw:frame svg:x="{x}" svg:y="{y}" svg:width="10cm" svg:height="2cm"{extra}>'
            f"<draw:text-box>{inner}</draw:text-box></draw:frame>")


def slides_fodp() -> bytes:
    """Three slides, the second hidden: on the first a text box right of a numbered list with a nested one, a
    title below them, a table, an empty placeholder and notes; on the third a shape."""
    automatic = ('<style:style style:name="dp1" style:family="drawing-page"><style:drawing-page-properties '
                 'presentation:visibility="visible"/></style:style><style:style style:name="dp2" style:family='
                 '"drawing-page"><style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
                 '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="."'
                 ' style:num-format="1"/><text:list-level-style-number text:level="2" style:num-suffix=")" '
                 'style:num-format="a"/></text:list-style>')
    items = "".join(f"<text:list-item><text:p>{text}</text:p></text:list-item>" for text in ("First point",
                                                                                             "Second point"))
    nested = ("<text:list-item><text:list>" + "".join(f"<text:list-item><text:p>{text}</text:p></text:list-item>"
                                                      for text in ("Sub one", "Sub two"))
              + "</text:list></text:list-item>")
    cell = "<table:table-cell><text:p>Cell {}</text:p></table:table-cell>"
    cells = "".join("<table:table-row>" + cell.format("A" + row) + cell.format("B" + row) + "</table:table-row>"
                    for row in "12")
    table = ('<draw:frame svg:x="1cm" svg:y="12cm" svg:width="10cm" svg:height="3cm"><table:table>'
             f'<table:table-column table:number-columns-repeated="2"/>{cells}</table:table></draw:frame>')
    first = ('<draw:page draw:name="one" draw:style-name="dp1">'
             + _frame("<text:p>Right side words</text:p>", "15cm", "5cm")
             + _frame(f'<text:list text:style-name="L1">{items}{nested}</text:list>', "1cm", "5cm",
                      ' presentation:class="outline"')
             + _frame("<text:p>Deck title words</text:p>", "1cm", "8cm", ' presentation:class="title"') + table
             + _frame("<text:p>Click to add Text</text:p>", "1cm", "16cm",
                      ' presentation:class="subtitle" presentation:placeholder="true"')
             + '<presentation:notes><draw:page-thumbnail svg:x="1cm" svg:y="1cm" svg:width="5cm" svg:height="4cm"/>'
             + _frame("<text:p>Speaker note first</text:p>", "1cm", "10cm", ' presentation:class="notes"')
             + "</presentation:notes></draw:page>")
    hidden = ('<draw:page draw:name="two" draw:style-name="dp2">'
              + _frame("<text:p>HiddenSlideWord</text:p>", "1cm", "1cm", ' presentation:class="title"')
              + "<presentation:notes>" + _frame("<text:p>HiddenNoteWord</text:p>", "1cm", "10cm",
                                                ' presentation:class="notes"') + "</presentation:notes></draw:page>")
    third = ('<draw:page draw:name="three" draw:style-name="dp1"><draw:custom-shape svg:x="2cm" svg:y="3cm" '
             'svg:width="5cm" svg:height="2cm"><text:p>Shape text last</text:p></draw:custom-shape>'
             '<draw:custom-shape draw:display="none" svg:x="2cm" svg:y="9cm" svg:width="5cm" svg:height="2cm">'
             "<text:p>InvisibleShapeWord</text:p></draw:custom-shape></draw:page>")
    return flat_xml(first + hidden + third, automatic, "presentation", meta="<dc:title>Deck title</dc:title>")
