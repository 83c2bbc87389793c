#pragma once

#include <QIcon>

// `icon` with a dot of the connection's colour tag ("#rrggbb") in its lower right corner, so
// that what belongs to which connection reads at a glance; `icon` as it is without a tag.
QIcon taggedIcon(const QIcon &icon, const QString &colourTag);
