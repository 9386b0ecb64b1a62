#pragma once

#include "ui/StatusTracker.h"

#include <QIcon>

namespace llamagate {

/// The tray and window icons of each health state, painted for every common size so that none is scaled.
/// Running: a green disc with a white gate; degraded: amber with a red warning dot; stopped: a grey outline.
QIcon healthIcon(Health health);

/// LlamaGate's own icon (resources/icons: the SVG where Qt can draw it, else the PNG of the nearest size).
QIcon appIcon();

/// One size of a health icon (device-independent pixels times the device pixel ratio).
QPixmap healthPixmap(Health health, int size);

} // namespace llamagate
