// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/singlelinedelegate.h"

#include <QApplication>
#include <QPainter>

namespace rcm::ui {

namespace {

/// Latin text, where glyphs placed by their advances read as the shaping engine would place
/// them (less kerning): no joining, reordering or combining marks.
bool isPlainLatin(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x250; });
}

} // namespace

CellTextLayout::CellTextLayout(const QFont &font)
    : m_font(QRawFont::fromFont(font))
{
    if (!m_font.isValid())
        return;
    const QList<quint32> ellipsis = m_font.glyphIndexesForString(QString(QChar(0x2026)));
    if (ellipsis.size() == 1 && ellipsis.front() != 0) {
        m_ellipsis = ellipsis.front();
        m_ellipsisWidth = m_font.advancesForGlyphIndexes(ellipsis).front().x();
    }
}

std::optional<CellTextLayout::Line> CellTextLayout::layout(const QString &text, qreal width) const
{
    if (!m_font.isValid() || m_ellipsis == 0 || !isPlainLatin(text))
        return std::nullopt;
    QList<quint32> glyphs = m_font.glyphIndexesForString(text);
    if (glyphs.size() != text.size() || glyphs.contains(0u)) // a character this font lacks
        return std::nullopt;
    const QList<QPointF> advances = m_font.advancesForGlyphIndexes(glyphs);
    QList<QPointF> positions;
    positions.reserve(glyphs.size());
    qreal x = 0;
    for (const QPointF &advance : advances) {
        positions.append(QPointF(x, 0));
        x += advance.x();
    }
    if (x > width) { // elide: as many glyphs as fit with the ellipsis after them
        qsizetype kept = 0;
        while (kept < glyphs.size() && positions.at(kept).x() + advances.at(kept).x() + m_ellipsisWidth <= width)
            ++kept;
        glyphs.resize(kept);
        positions.resize(kept);
        x = kept > 0 ? positions.back().x() + advances.at(kept - 1).x() : 0;
        if (width >= x + m_ellipsisWidth) {
            glyphs.append(m_ellipsis);
            positions.append(QPointF(x, 0));
            x += m_ellipsisWidth;
        }
    }
    Line line;
    line.glyphs.setRawFont(m_font);
    line.glyphs.setGlyphIndexes(glyphs);
    line.glyphs.setPositions(positions);
    line.width = x;
    return line;
}

const CellTextLayout &SingleLineDelegate::layoutFor(const QFont &font) const
{
    for (const auto &[known, layout] : m_layouts) {
        if (known == font)
            return layout;
    }
    m_layouts.emplace_back(font, CellTextLayout(font));
    return m_layouts.back().second;
}

void SingleLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const QWidget *widget = cell.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // A plain cell (no icon, no check box): its text fills it, less the style's margin.
    const bool plain
        = !(cell.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator));
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = cell.rect.adjusted(margin, 0, -margin, 0);
    const std::optional<CellTextLayout::Line> line = plain && cell.direction == Qt::LeftToRight
        ? layoutFor(cell.font).layout(cell.text, textRect.width())
        : std::nullopt;
    if (!line) { // the style's own text layout
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);
        return;
    }
    cell.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget); // all but the text
    const QRawFont font = line->glyphs.rawFont();
    const qreal advance = line->width;
    qreal x = textRect.left();
    if (cell.displayAlignment & Qt::AlignRight)
        x = textRect.right() + 1 - advance;
    else if (cell.displayAlignment & Qt::AlignHCenter)
        x = textRect.left() + (textRect.width() - advance) / 2;
    const qreal baseline = textRect.top() + (textRect.height() - (font.ascent() + font.descent())) / 2 + font.ascent();
    const QPalette::ColorGroup group = !cell.state.testFlag(QStyle::State_Enabled) ? QPalette::Disabled
        : cell.state.testFlag(QStyle::State_Active)                                ? QPalette::Active
                                                                                   : QPalette::Inactive;
    painter->save();
    painter->setPen(cell.palette.color(
        group, cell.state.testFlag(QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
    painter->drawGlyphRun(QPointF(x, baseline), line->glyphs);
    painter->restore();
}

} // namespace rcm::ui
