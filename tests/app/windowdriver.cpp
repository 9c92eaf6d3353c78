// SPDX-FileCopyrightText: 2026 The Steward authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowdriver.h"

#include "mainwindow.h"
#include "orgtreemodel.h"

#include <QTest>
#include <QTreeView>

namespace steward {

QTreeView *orgTree(const MainWindow &window)
{
    return child<QTreeView>(window, "orgTreeView");
}

void expandAndSelect(MainWindow &window, const QString &path)
{
    QTreeView *view = orgTree(window);
    QVERIFY(view);
    const QAbstractItemModel *model = view->model();
    QModelIndex current;
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &segment : segments) {
        if (current.isValid()) {
            view->expand(current);
            QTRY_VERIFY(model->rowCount(current) > 0);
        }
        const QModelIndexList found =
            model->match(model->index(0, 0, current), Qt::DisplayRole, segment, 1, Qt::MatchExactly);
        QVERIFY2(!found.isEmpty(), qPrintable(segment));
        current = found.first();
    }
    view->scrollTo(current);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(current).center());
    QTRY_COMPARE(view->currentIndex().data(OrgTreeModel::PathRole).toString(), path);
}

} // namespace steward
