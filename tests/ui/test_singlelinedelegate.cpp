// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/singlelinedelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::ui::CellTextLayout;
using rcm::ui::SingleLineDelegate;

class TestSingleLineDelegate final : public QObject
{
    Q_OBJECT

private:
    static quint32 ellipsisGlyph(const QFont &font)
    {
        return QRawFont::fromFont(font).glyphIndexesForString(u"\u2026"_s).value(0);
    }

    /// The columns of image where a pixel is darker than mid-grey.
    static QList<int> inkedColumns(const QImage &image)
    {
        QList<int> columns;
        for (int x = 0; x < image.width(); ++x) {
            for (int y = 0; y < image.height(); ++y) {
                if (qGray(image.pixel(x, y)) < 128) {
                    columns << x;
                    break;
                }
            }
        }
        return columns;
    }

private Q_SLOTS:
    void textThatFitsKeepsEveryCharacter()
    {
        const QFont font = QApplication::font();
        const QString text = u"RGH7000152243 $1,234.56"_s;
        const auto line = CellTextLayout(font).layout(text, 1000);
        QVERIFY(line);
        QCOMPARE(line->glyphs.glyphIndexes().size(), text.size());
        // Placed by advances, without kerning: within a pixel or so of the shaped width.
        const qreal shaped = QFontMetricsF(font).horizontalAdvance(text);
        QVERIFY2(qAbs(line->width - shaped) <= 2.0, qPrintable(u"%1 vs %2"_s.arg(line->width).arg(shaped)));
    }

    void textTooWideIsCutWithAnEllipsis()
    {
        const QFont font = QApplication::font();
        const QString text = u"Blue Cross Blue Shield of North Carolina"_s;
        const auto line = CellTextLayout(font).layout(text, 80);
        QVERIFY(line);
        QVERIFY(line->width <= 80);
        const QList<quint32> glyphs = line->glyphs.glyphIndexes();
        QVERIFY(glyphs.size() > 1);
        QVERIFY(glyphs.size() < text.size());
        QCOMPARE(glyphs.back(), ellipsisGlyph(font));
        QCOMPARE(line->glyphs.positions().size(), glyphs.size());

        // Too narrow even for the ellipsis: nothing is drawn, nothing overflows.
        const auto none = CellTextLayout(font).layout(text, 1);
        QVERIFY(none);
        QVERIFY(none->glyphs.glyphIndexes().isEmpty());
        QCOMPARE(none->width, 0.0);
    }

    void textItCannotPlaceIsLeftToTheStyle()
    {
        const CellTextLayout layout(QApplication::font());
        QVERIFY(layout.layout(u"M\u00fcller-Pe\u00f1a"_s, 500)); // Latin with accents: placed
        QVERIFY(!layout.layout(u"\u0645\u062d\u0645\u062f"_s, 500)); // Arabic: joined and right to left
        QVERIFY(!layout.layout(u"\u0395\u03bb\u03ad\u03bd\u03b7"_s, 500)); // Greek: another script
        QVERIFY(!layout.layout(u"Line\tbreak"_s, 500)); // a control character
    }

    void drawsTheCellWhereTheViewAlignsIt()
    {
        QStandardItemModel model(2, 1);
        model.setItem(0, 0, new QStandardItem(u"8888"_s));
        model.item(0, 0)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        model.setItem(1, 0, new QStandardItem(u"8888"_s));
        QTableView view;
        view.setModel(&model);
        auto *delegate = new SingleLineDelegate(&view);
        view.setItemDelegate(delegate);

        for (const auto &[row, rightAligned] : {std::pair {0, true}, std::pair {1, false}}) {
            QImage image(300, 30, QImage::Format_RGB32);
            image.fill(Qt::white);
            QStyleOptionViewItem option;
            option.initFrom(&view);
            option.rect = image.rect();
            option.state |= QStyle::State_Enabled;
            option.palette.setColor(QPalette::Text, Qt::black);
            option.palette.setColor(QPalette::Base, Qt::white);
            {
                QPainter painter(&image);
                delegate->paint(&painter, option, model.index(row, 0));
            }
            const QList<int> inked = inkedColumns(image);
            QVERIFY2(!inked.isEmpty(), "no text drawn");
            if (rightAligned)
                QVERIFY2(inked.front() > 200 && inked.back() < 300, qPrintable(u"ink from %1"_s.arg(inked.front())));
            else
                QVERIFY2(inked.front() < 20 && inked.back() < 100, qPrintable(u"ink to %1"_s.arg(inked.back())));
        }
    }
};

QTEST_MAIN(TestSingleLineDelegate)
#include "test_singlelinedelegate.moc"
