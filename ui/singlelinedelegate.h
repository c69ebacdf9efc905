// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QGlyphRun>
#include <QRawFont>
#include <QStyledItemDelegate>

#include <optional>
#include <utility>
#include <vector>

namespace rcm::ui {

/// One line of a cell's text as glyphs of one font, placed from the font's advances, elided
/// to a width; made without the text shaping engine. Text it cannot place this way (any
/// script but Latin, a character the font lacks) gives nothing, and is drawn the usual way.
class CellTextLayout
{
public:
    explicit CellTextLayout(const QFont &font);

    struct Line
    {
        QGlyphRun glyphs;
        qreal width = 0; ///< how far the glyphs reach
    };
    /// The glyphs of text, cut with an ellipsis if wider than width.
    std::optional<Line> layout(const QString &text, qreal width) const;

private:
    QRawFont m_font;
    quint32 m_ellipsis = 0;
    qreal m_ellipsisWidth = 0;
};

/// Draws a cell of one line of text (a queue's cells, the navigation's entries) as the style
/// does (background, selection, focus) but its text as a glyph run, not through the style's
/// full text layout: a full table repaint after a sync or a page down then costs a few
/// milliseconds rather than most of a frame.
class SingleLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    const CellTextLayout &layoutFor(const QFont &font) const;

    mutable std::vector<std::pair<QFont, CellTextLayout>> m_layouts; ///< a few: regular and bold
};

} // namespace rcm::ui
