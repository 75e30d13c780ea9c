"""The simple types of a Word document's attribute values (ECMA-376 Part 1, transitional), read as Word reads
them: every form the schema allows, and nothing else.

A measure may be a whole number in its element's unit (twips, half points, eighths of a point), with a sign and
leading zeros, or a universal measure ("2.5cm", "1in", "72pt", "6pc"); an on/off value is true, on, 1, false, off
or 0. A value of any other form ("", "abc", "1e3", "NaN", "1_000", "0x10", "3.5" where a whole number is due) is
None: Word does not take it, and the inherited or default value stands. The reference's reader (render/) and the
DOCX writer's cleaning of the reference's parts (writers/docx/schema.py) both read values here, so the PDF draws
what Word shows and the DOCX keeps no value Word would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The namespaces of WordprocessingML and of its relationship ids, as ElementTree and lxml write a tag's name
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_WHOLE = re.compile(r"[+-]?[0-9]+")
_UNIVERSAL = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(mm|cm|in|pt|pc|pi)")
_POINTS_PER = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
_ON, _OFF = ("true", "on", "1"), ("false", "off", "0")
_XSD_SPACE = " \t\r\n"  # the whitespace a number's value may have around it (xsd's whiteSpace="collapse")
_LARGEST = 2 ** 64  # no measure or number of these types is larger (xsd:unsignedLong's bound)
HALF_POINTS = (2, 3276)  # the font sizes Word takes, in half points: 1 to 1638 pt
TWIPS, HALF_POINT, EIGHTHS = 20.0, 2.0, 8.0  # units per point: a measure's own unit, for `measure`
# The enumerations read in more than one place: ST_ThemeColor, ST_Shd (a shading's pattern), ST_Jc
THEME_COLOURS = ("dark1 light1 dark2 light2 accent1 accent2 accent3 accent4 accent5 accent6 hyperlink "
                 "followedHyperlink none background1 text1 background2 text2")
SHADINGS = ("nil clear solid horzStripe vertStripe reverseDiagStripe diagStripe horzCross diagCross thinHorzStripe "
            "thinVertStripe thinReverseDiagStripe thinDiagStripe thinHorzCross thinDiagCross pct5 pct10 pct12 pct15 "
            "pct20 pct25 pct30 pct35 pct37 pct40 pct45 pct50 pct55 pct60 pct62 pct65 pct70 pct75 pct80 pct85 pct87 "
            "pct90 pct95").split()
# ST_Border: a border's line styles, then the art borders Word draws around a page
BORDERS = (
    "nil none single thick double dotted dashed dotDash dotDotDash triple thinThickSmallGap thickThinSmallGap "
    "thinThickThinSmallGap thinThickMediumGap thickThinMediumGap thinThickThinMediumGap thinThickLargeGap "
    "thickThinLargeGap thinThickThinLargeGap wave doubleWave dashSmallGap dashDotStroked threeDEmboss threeDEngrave "
    "outset inset apples archedScallops babyPacifier babyRattle balloons3Colors balloonsHotAir basicBlackDashes "
    "basicBlackDots basicBlackSquares basicThinLines basicWhiteDashes basicWhiteDots basicWhiteSquares "
    "basicWideInline basicWideMidline basicWideOutline bats birds birdsFlight cabins cakeSlice candyCorn "
    "celticKnotwork certificateBanner chainLink champagneBottle checkedBarBlack checkedBarColor checkered "
    "christmasTree circlesLines circlesRectangles classicalWave clocks compass confetti confettiGrays "
    "confettiOutline confettiStreamers confettiWhite cornerTriangles couponCutoutDashes couponCutoutDots crazyMaze "
    "creaturesButterfly creaturesFish creaturesInsects creaturesLadyBug crossStitch cup decoArch decoArchColor "
    "decoBlocks diamondsGray doubleD doubleDiamonds earth1 earth2 earth3 eclipsingSquares1 eclipsingSquares2 "
    "eggsBlack fans film firecrackers flowersBlockPrint flowersDaisies flowersModern1 flowersModern2 flowersPansy "
    "flowersRedRose flowersRoses flowersTeacup flowersTiny gems gingerbreadMan gradient handmade1 handmade2 "
    "heartBalloon heartGray hearts heebieJeebies holly houseFunky hypnotic iceCreamCones lightBulb lightning1 "
    "lightning2 mapPins mapleLeaf mapleMuffins marquee marqueeToothed moons mosaic musicNotes northwest ovals "
    "packages palmsBlack palmsColor paperClips papyrus partyFavor partyGlass pencils people peopleWaving peopleHats "
    "poinsettias postageStamp pumpkin1 pushPinNote2 pushPinNote1 pyramids pyramidsAbove quadrants rings safari "
    "sawtooth sawtoothGray scaredCat seattle shadowedSquares sharksTeeth shorebirdTracks skyrocket snowflakeFancy "
    "snowflakes sombrero southwest stars starsTop stars3d starsBlack starsShadowed sun swirligig tornPaper "
    "tornPaperBlack trees triangleParty triangles triangle1 triangle2 triangleCircle1 triangleCircle2 shapes1 "
    "shapes2 twistedLines1 twistedLines2 vine waveline weavingAngles weavingBraid weavingRibbon weavingStrips "
    "whiteFlowers woodwork xIllusions zanyTriangles zigZag zigZagStitch custom")
STYLE_TYPES = "paragraph character table numbering"  # ST_StyleType: a style without one is a paragraph style
JUSTIFICATIONS = ("start center end both mediumKashida distribute numTab highKashida lowKashida thaiDistribute "
                  "left right")


def whole(value: str | None) -> int | None:
    """A whole number (ST_DecimalNumber, xsd:int, xsd:long…): a sign and leading zeros allowed; None if absent
    or of another form."""
    if value is None:
        return None
    text = value.strip(_XSD_SPACE)
    number = int(text) if _WHOLE.fullmatch(text) and len(text) < 24 else None
    return number if number is not None and abs(number) <= _LARGEST else None


def measure(value: str | None, per_point: float = TWIPS, negative: bool = False,
            universal: bool = True) -> float | None:
    """A measure in its unit (`per_point` of them a point: twips 20, half points 2): a whole number of that
    unit, or (where `universal`) a universal measure converted to it; a negative one only where the type is
    signed (`negative`). None if absent or not a form the type allows."""
    number: float | None = whole(value)
    if number is None and universal and value is not None:
        found = _UNIVERSAL.fullmatch(value.strip(_XSD_SPACE))
        number = None if found is None else float(found[1]) * _POINTS_PER[found[2]] * per_point
    return None if number is None or (number < 0 and not negative) else number


def on_off(value: str | None) -> bool | None:
    """An ST_OnOff value (an element's w:val; absent: on); None for a value of another form, which Word
    ignores, the inherited value standing."""
    if value is None:
        return True
    return True if value in _ON else False if value in _OFF else None


def share(value: str | None) -> float | None:
    """A DrawingML percentage as a share of the whole: thousandths of a percent ("75000") or a percentage
    ("75%"); None if absent or of another form."""
    number: float | None = whole(value)
    if number is not None:
        return number / 100000
    found = None if value is None else re.fullmatch(r"(-?[0-9]+(?:\.[0-9]+)?)%", value.strip(_XSD_SPACE))
    return None if found is None else float(found[1]) / 100


Check = Callable[[str], bool]


def is_measure(per_point: float = TWIPS, negative: bool = False, universal: bool = True) -> Check:
    """Whether a value is a measure of that type (for the DOCX writer's cleaning)."""
    return lambda value: measure(value, per_point, negative, universal) is not None


def is_whole(low: int, high: int) -> Check:
    return lambda value: (number := whole(value)) is not None and low <= number <= high


def is_one_of(words: str) -> Check:
    allowed = frozenset(words.split())
    return lambda value: value in allowed
