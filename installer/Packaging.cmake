# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# CPack: 'cpack -G DEB' in the build folder makes a Debian package of the three
# executables, the desktop entry, the icon, the copyright file, the deployment guide and
# rcm-gateway's systemd unit. On Windows the WiX
# template beside this file is used (it cannot be built on Linux).
set(CPACK_PACKAGE_NAME "rcm-workbench")
set(CPACK_PACKAGE_VENDOR "RCM Workbench")
set(CPACK_PACKAGE_CONTACT "RCM Workbench maintainers <maintainers@rcm-workbench.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "RCM Workbench")
set(CPACK_PACKAGE_EXECUTABLES "rcm-workbench;RCM Workbench")
set(CPACK_STRIP_FILES ON)

# GPL-3.0-or-later: the program links Qt Charts and Qt HTTP Server, which Debian's Qt
# ships under the GPL version 3 (LICENSE at the root; debian/copyright beside this file).
# The installers show the licence; WiX wants it as .txt (it converts that to RTF).
configure_file("${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_BINARY_DIR}/LICENSE.txt" COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_BINARY_DIR}/LICENSE.txt")
include(GNUInstallDirs)
# Debian's machine-readable copyright file, where Debian policy puts it.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/copyright"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${CPACK_PACKAGE_NAME}")

# rcm-gateway as a hardened system service, and how to deploy it (TLS, nginx, first user).
if(NOT WIN32)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/debian/rcm-gateway.service" DESTINATION "lib/systemd/system")
endif()
install(FILES "${PROJECT_SOURCE_DIR}/docs/deployment.md" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${CPACK_PACKAGE_NAME}")

set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Revenue-cycle work queues for billers, coders and supervisors
 RCM Workbench syncs denial, authorization and remittance exception queues into a local
 cache, lets users act on them offline, and exports reports for finance. The package
 holds the desktop workbench, the rcm-gateway integration server and the rcmctl tool.")

set(CPACK_WIX_UPGRADE_GUID "6B3C2A4E-8F1D-4C7B-9A65-2E0D7F4B1C93")
set(CPACK_WIX_TEMPLATE "${CMAKE_CURRENT_LIST_DIR}/wix/rcm-workbench.template.wxs")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/resources/icons/rcm-workbench.ico")

if(WIN32)
    set(CPACK_GENERATOR "WIX;ZIP")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()
include(CPack)
