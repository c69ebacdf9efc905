<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>rcm::ui::ActionPanel</name>
    <message>
        <source>Take</source>
        <translation>Tomar</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Nota…</translation>
    </message>
    <message>
        <source>Appeal…</source>
        <translation>Apelar…</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Request write-off…</source>
        <translation>Solicitar castigo…</translation>
    </message>
    <message>
        <source>Approve write-off</source>
        <translation>Aprobar castigo</translation>
    </message>
    <message>
        <source>Reject write-off</source>
        <translation>Rechazar castigo</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Retener</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Liberar</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Escalar…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolver…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Retry on the server&apos;s version</source>
        <translation>Reintentar sobre la versión del servidor</translation>
    </message>
    <message>
        <source>Discard my action</source>
        <translation>Descartar mi acción</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard this action? It will not be sent.</source>
        <translation>¿Descartar esta acción? No se enviará.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conflict:&lt;/b&gt; your %1 was based on version %2, but the item changed on the server (now version %3, %4). Retry it on the server&apos;s version, or discard it.</source>
        <translation>&lt;b&gt;Conflicto:&lt;/b&gt; su acción %1 se basaba en la versión %2, pero el elemento cambió en el servidor (ahora versión %3, %4). Reinténtela sobre la versión del servidor o descártela.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not accepted:&lt;/b&gt; your %1: %2</source>
        <translation>&lt;b&gt;No aceptada:&lt;/b&gt; su acción %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be sent</source>
        <translation>
            <numerusform>%n acción pendiente de envío</numerusform>
            <numerusform>%n acciones pendientes de envío</numerusform>
        </translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texto:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Resolución:</translation>
    </message>
    <message>
        <source>Amount to write off (balance %1):</source>
        <translation>Importe a castigar (saldo %1):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n items selected.&lt;/b&gt; Actions apply to each of them.</source>
        <translation>
            <numerusform>&lt;b&gt;%n elemento seleccionado.&lt;/b&gt; Las acciones se aplican a cada uno.</numerusform>
            <numerusform>&lt;b&gt;%n elementos seleccionados.&lt;/b&gt; Las acciones se aplican a cada uno.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 actions were queued; then: %3</source>
        <translation>Se pusieron en cola %1 de %2 acciones; después: %3</translation>
    </message>
    <message>
        <source>Not queued: the workbench does not know who is signed in, or to which gateway. Sign in again, then take the action.</source>
        <translation>No se puso en cola: el puesto de trabajo no sabe quién ha iniciado sesión ni en qué pasarela. Inicie sesión de nuevo y vuelva a realizar la acción.</translation>
    </message>
</context>
<context>
    <name>rcm::ui::AssignDialog</name>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Elementos abiertos</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n item(s)</source>
        <translation>
            <numerusform>Asignar %n elemento</numerusform>
            <numerusform>Asignar %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign to (fewest open items first):</source>
        <translation>Asignar a (primero quien tiene menos elementos abiertos):</translation>
    </message>
    <message>
        <source>Nobody can work every selected item: they lie in queues that no one role sees. Select items of one queue.</source>
        <translation>Nadie puede trabajar todos los elementos seleccionados: están en colas que ningún rol ve a la vez. Seleccione elementos de una sola cola.</translation>
    </message>
</context>
<context>
    <name>rcm::ui::ConflictsDialog</name>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>No aceptada</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Por revisar</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>The item on the server</source>
        <translation>El elemento en el servidor</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>No longer in the cache</source>
        <translation>Ya no está en la caché</translation>
    </message>
    <message>
        <source>Actions that need you</source>
        <translation>Acciones que requieren su atención</translation>
    </message>
    <message>
        <source>Retry on the server&apos;s version</source>
        <translation>Reintentar sobre la versión del servidor</translation>
    </message>
    <message>
        <source>Discard my action</source>
        <translation>Descartar mi acción</translation>
    </message>
    <message>
        <source>Cannot read the outbox: %1</source>
        <translation>No se puede leer la bandeja de salida: %1</translation>
    </message>
    <message>
        <source>Nothing needs you: every action was accepted or is waiting to be sent.</source>
        <translation>Nada requiere su atención: todas las acciones se aceptaron o esperan su envío.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) were not taken as they were. Compare your action with the item on the server, then retry it on the server&apos;s version or discard it.</source>
        <translation>
            <numerusform>%n acción no se aceptó tal como estaba. Compare su acción con el elemento en el servidor y después reinténtela sobre la versión del servidor o descártela.</numerusform>
            <numerusform>%n acciones no se aceptaron tal como estaban. Compare su acción con el elemento en el servidor y después reinténtela sobre la versión del servidor o descártela.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your action</source>
        <translation>Su acción</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Based on version</source>
        <translation>Basada en la versión</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>El servidor respondió</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard this action? It will not be sent.</source>
        <translation>¿Descartar esta acción? No se enviará.</translation>
    </message>
</context>
<context>
    <name>rcm::ui::DashboardView</name>
    <message>
        <source>Denials by payer and family</source>
        <translation>Denegaciones por pagador y familia</translation>
    </message>
    <message>
        <source>Open work by age and queue</source>
        <translation>Trabajo abierto por antigüedad y cola</translation>
    </message>
    <message>
        <source>Deadlines ahead</source>
        <translation>Próximos plazos</translation>
    </message>
    <message>
        <source>Productivity by person</source>
        <translation>Productividad por persona</translation>
    </message>
    <message>
        <source>Remittance exceptions by kind</source>
        <translation>Excepciones de remesas por tipo</translation>
    </message>
    <message>
        <source>Open dollars over time</source>
        <translation>Dólares abiertos en el tiempo</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Todas las colas</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Computing… %p%</source>
        <translation>Calculando… %p%</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Elementos abiertos</translation>
    </message>
    <message>
        <source>Dollars at risk (30 days)</source>
        <translation>Dólares en riesgo (30 días)</translation>
    </message>
    <message>
        <source>Denial rate</source>
        <translation>Tasa de denegación</translation>
    </message>
    <message>
        <source>Past a deadline</source>
        <translation>Plazo vencido</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Vencen en 7 días</translation>
    </message>
    <message>
        <source>Pending actions</source>
        <translation>Acciones pendientes</translation>
    </message>
    <message>
        <source>Conflicted actions</source>
        <translation>Acciones en conflicto</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Guardar imagen…</translation>
    </message>
    <message>
        <source>Not computed: %1</source>
        <translation>No calculado: %1</translation>
    </message>
    <message>
        <source>Gateway figures from the last time: %1</source>
        <translation>Cifras de la pasarela de la última vez: %1</translation>
    </message>
    <message>
        <source>%1 open items, %2 open</source>
        <translation>%1 elementos abiertos, %2 pendientes</translation>
    </message>
    <message>
        <source>Amount at risk of open items whose next deadline falls within 30 days</source>
        <translation>Importe en riesgo de los elementos abiertos cuyo próximo plazo vence en 30 días</translation>
    </message>
    <message>
        <source>Claims denied on remittances over claims adjudicated in the period (HFMA MAP Key AR-5)</source>
        <translation>Reclamaciones denegadas en remesas sobre reclamaciones resueltas en el periodo (HFMA MAP Key AR-5)</translation>
    </message>
    <message>
        <source>The gateway computes the denial rate: sign in to see it</source>
        <translation>La pasarela calcula la tasa de denegación: inicie sesión para verla</translation>
    </message>
    <message>
        <source>%1 open items whose deadlines have all passed; %2 at risk</source>
        <translation>%1 elementos abiertos con todos sus plazos vencidos; %2 en riesgo</translation>
    </message>
    <message>
        <source>Open items whose next deadline is within 7 days</source>
        <translation>Elementos abiertos cuyo próximo plazo vence en 7 días</translation>
    </message>
    <message>
        <source>Actions waiting to be sent to the gateway</source>
        <translation>Acciones a la espera de enviarse a la pasarela</translation>
    </message>
    <message>
        <source>Actions the gateway answered with a conflict</source>
        <translation>Acciones que la pasarela respondió con un conflicto</translation>
    </message>
    <message>
        <source>Nothing in this period</source>
        <translation>Nada en este periodo</translation>
    </message>
    <message>
        <source>Computed by the gateway: shown once signed in</source>
        <translation>Lo calcula la pasarela: se muestra al iniciar sesión</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>Save the chart as a picture</source>
        <translation>Guardar el gráfico como imagen</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>No se pudo guardar %1</translation>
    </message>
</context>
<context>
    <name>rcm::ui::FilterBar</name>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Todos los motivos</translation>
    </message>
    <message>
        <source>All open statuses</source>
        <translation>Todos los estados abiertos</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Cualquier responsable</translation>
    </message>
    <message>
        <source>Balance from</source>
        <translation>Saldo desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filtro:</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todos los centros</translation>
    </message>
</context>
<context>
    <name>rcm::ui::MainWindow</name>
    <message>
        <source>RCM Workbench</source>
        <translation>RCM Workbench</translation>
    </message>
    <message>
        <source>Select an item to see why it is here and what is left to do.</source>
        <translation>Seleccione un elemento para ver por qué está aquí y qué queda por hacer.</translation>
    </message>
    <message>
        <source>Syncing: %1 changes</source>
        <translation>Sincronizando: %1 cambios</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Send pending actions and fetch what changed (F5)</source>
        <translation>Enviar las acciones pendientes y traer lo que cambió (F5)</translation>
    </message>
    <message>
        <source>Search claim, account, patient or payer (Ctrl+F)</source>
        <translation>Buscar reclamación, cuenta, paciente o pagador (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://</source>
        <translation>La dirección del servidor debe empezar por http:// o https://</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Remove items from the cache?</source>
        <translation>¿Quitar elementos de la caché?</translation>
    </message>
    <message>
        <source>Remove them now?</source>
        <translation>¿Quitarlos ahora?</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>%1 pending, %2 conflicts</source>
        <translation>%1 pendientes, %2 conflictos</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Última sincronización %1</translation>
    </message>
    <message>
        <source>Never synced: the cache is as it was copied or generated</source>
        <translation>Nunca sincronizada: la caché está como se copió o generó</translation>
    </message>
    <message>
        <source>Cannot read the cache: %1</source>
        <translation>No se puede leer la caché: %1</translation>
    </message>
    <message>
        <source>%1 open items</source>
        <translation>%1 elementos abiertos</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save the rows of this view, as filtered and sorted, as CSV (Ctrl+E)</source>
        <translation>Guardar las filas de esta vista, filtradas y ordenadas, como CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation>Exportar esta vista</translation>
    </message>
    <message>
        <source>work-queue.csv</source>
        <translation>cola-de-trabajo.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>Show the actions that need you</source>
        <translation>Mostrar las acciones que requieren su atención</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflictos…</translation>
    </message>
    <message>
        <source>Actions the server did not take as they were: retry or discard (Ctrl+Shift+K)</source>
        <translation>Acciones que el servidor no aceptó tal como estaban: reintentar o descartar (Ctrl+Mayús+K)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Show or hide the filters (Ctrl+Shift+L)</source>
        <translation>Mostrar u ocultar los filtros (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>%1 pending, %2 conflicts, %3 refused</source>
        <translation>%1 pendientes, %2 conflictos, %3 rechazadas</translation>
    </message>
    <message>
        <source>%1 items selected: bulk actions take at most %2 at a time.</source>
        <translation>%1 elementos seleccionados: las acciones en bloque admiten como máximo %2 a la vez.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) selected</source>
        <translation>
            <numerusform>%n elemento seleccionado</numerusform>
            <numerusform>%n elementos seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Configuración guardada.</translation>
    </message>
    <message>
        <source>No saved views yet</source>
        <translation>Aún no hay vistas guardadas</translation>
    </message>
    <message>
        <source>Save this view…</source>
        <translation>Guardar esta vista…</translation>
    </message>
    <message>
        <source>Delete a view</source>
        <translation>Eliminar una vista</translation>
    </message>
    <message>
        <source>Save this view</source>
        <translation>Guardar esta vista</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>View &quot;%1&quot; saved.</source>
        <translation>Vista «%1» guardada.</translation>
    </message>
    <message>
        <source>Import ERA…</source>
        <translation>Importar ERA…</translation>
    </message>
    <message>
        <source>Preview an 835 remittance file, then post it (Ctrl+I, or drop the file here)</source>
        <translation>Previsualizar un archivo de remesa 835 y después contabilizarlo (Ctrl+I, o suelte el archivo aquí)</translation>
    </message>
    <message>
        <source>Import a remittance (835)</source>
        <translation>Importar una remesa (835)</translation>
    </message>
    <message>
        <source>X12 835 files (*.835 *.edi *.x12 *.txt);;All files (*)</source>
        <translation>Archivos X12 835 (*.835 *.edi *.x12 *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsent actions are kept.</source>
        <translation>Su sesión ha terminado. Vuelva a iniciar sesión; sus acciones sin enviar se conservan.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Informes…</translation>
    </message>
    <message>
        <source>Finance reports as XLSX, PDF or CSV (Ctrl+R)</source>
        <translation>Informes financieros en XLSX, PDF o CSV (Ctrl+R)</translation>
    </message>
    <message>
        <source>Back to dashboard</source>
        <translation>Volver al panel</translation>
    </message>
    <message>
        <source>Return to the dashboard as you left it (Alt+Left)</source>
        <translation>Volver al panel tal como lo dejó (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>%1 is a service account for system-to-system calls; it cannot use the workbench</source>
        <translation>%1 es una cuenta de servicio para llamadas entre sistemas; no puede usar el puesto de trabajo</translation>
    </message>
    <message>
        <source>Sign in to the gateway to send your queued actions and fetch what changed.</source>
        <translation>Inicie sesión en la pasarela para enviar sus acciones en cola y traer los cambios.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>%1, offline</source>
        <translation>%1, sin conexión</translation>
    </message>
    <message>
        <source>Offline: working from the cache, actions are queued. %1</source>
        <translation>Sin conexión: se trabaja con la caché y las acciones quedan en cola. %1</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Hide all patient data and sign out until you sign in again (Ctrl+L)</source>
        <translation>Ocultar todos los datos de pacientes y cerrar la sesión hasta que vuelva a iniciarla (Ctrl+L)</translation>
    </message>
    <message>
        <source>Cannot make %1 readable by you only: %2</source>
        <translation>No se puede hacer que %1 solo lo pueda leer usted: %2</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2, but cannot read it back to register it: %3</source>
        <translation>Se exportaron %1 filas a %2, pero no se puede volver a leer para registrarlo: %3</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>Se exportaron %1 filas a %2.</translation>
    </message>
    <message>
        <source>Not kept for registration: %1</source>
        <translation>No se guardó para registrarlo: %1</translation>
    </message>
    <message>
        <source>The local cache cannot be read: %1</source>
        <translation>No se puede leer la caché local: %1</translation>
    </message>
    <message>
        <source>This workbench&apos;s cache belongs to another person, whose unsent work stays in it. Start the workbench with a cache of your own.</source>
        <translation>La caché de este puesto pertenece a otra persona, cuyo trabajo no enviado queda en ella. Inicie el puesto con una caché propia.</translation>
    </message>
    <message>
        <source>Offline sign-in is not kept on this workstation: %1</source>
        <translation>El inicio de sesión sin conexión no se guarda en este puesto: %1</translation>
    </message>
    <message>
        <source>The gateway cannot be reached (%1), and %2 has not signed in on this workstation before, so cannot work offline.</source>
        <translation>No se puede acceder a la pasarela (%1), y %2 no ha iniciado sesión antes en este puesto, así que no puede trabajar sin conexión.</translation>
    </message>
    <message>
        <source>The gateway cannot be reached (%1). %2</source>
        <translation>No se puede acceder a la pasarela (%1). %2</translation>
    </message>
    <message>
        <source>The cache folder %1 cannot be made readable by you only.</source>
        <translation>No se puede hacer que la carpeta de cachés %1 solo la pueda leer usted.</translation>
    </message>
    <message>
        <source>Your local cache cannot be opened: %1</source>
        <translation>No se puede abrir su caché local: %1</translation>
    </message>
    <message>
        <source>The gateway answers again: press F5 and sign in to send your queued actions.</source>
        <translation>La pasarela vuelve a responder: pulse F5 e inicie sesión para enviar sus acciones en cola.</translation>
    </message>
    <message>
        <source>The time you may work offline has ended. Sign in to the gateway to go on.</source>
        <translation>Se acabó el tiempo en que puede trabajar sin conexión. Inicie sesión en la pasarela para seguir.</translation>
    </message>
    <message>
        <source>A sign-in is already under way.</source>
        <translation>Ya hay un inicio de sesión en curso.</translation>
    </message>
    <message>
        <source>Another sign-in took over; sign in again.</source>
        <translation>Otro inicio de sesión tomó el relevo; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your cache cannot be made yours: %1</source>
        <translation>No se puede hacer suya la caché: %1</translation>
    </message>
    <message>
        <source>The workstation&apos;s earlier cache is now yours, with its unsent actions.</source>
        <translation>La caché anterior de este puesto ahora es suya, con sus acciones sin enviar.</translation>
    </message>
</context>
<context>
    <name>rcm::ui::QueueNavigation</name>
    <message>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>Mi trabajo</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>All open work</source>
        <translation>Todo el trabajo abierto</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
</context>
<context>
    <name>rcm::ui::RemittanceExceptionModel</name>
    <message>
        <source>Exception</source>
        <translation>Excepción</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>rcm::ui::RemittancePreviewDialog</name>
    <message>
        <source>Import remittance: %1</source>
        <translation>Importar remesa: %1</translation>
    </message>
    <message>
        <source>Trace number</source>
        <translation>Número de traza</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pago</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Reclamaciones</translation>
    </message>
    <message>
        <source>Claim payments</source>
        <translation>Pagos de reclamaciones</translation>
    </message>
    <message>
        <source>Provider adjustments</source>
        <translation>Ajustes al proveedor</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>Cuadrada</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Contabilizar</translation>
    </message>
    <message>
        <source>&lt;b&gt;What will become work items&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lo que se convertirá en elementos de trabajo&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Sign in to see which claims will post cleanly and to post the file.</source>
        <translation>Inicie sesión para ver qué reclamaciones se contabilizarán sin problemas y para contabilizar el archivo.</translation>
    </message>
    <message>
        <source>Asking the gateway which claims will post cleanly…</source>
        <translation>Consultando al gateway qué reclamaciones se contabilizarán sin problemas…</translation>
    </message>
    <message>
        <source>This file was posted before; nothing in it will post again.</source>
        <translation>Este archivo ya se contabilizó; nada de él se volverá a contabilizar.</translation>
    </message>
    <message>
        <source>The gateway cannot post this file: %1</source>
        <translation>El gateway no puede contabilizar este archivo: %1</translation>
    </message>
    <message>
        <source>Nothing is posted until you press Post.</source>
        <translation>No se contabiliza nada hasta que pulse Contabilizar.</translation>
    </message>
    <message>
        <source>Only cash posters and supervisors post remittances.</source>
        <translation>Solo los contabilizadores de pagos y los supervisores contabilizan remesas.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) totalling $%1; %2 out of balance.</source>
        <translation>
            <numerusform>%n pago por un total de $%1; %2 descuadrados.</numerusform>
            <numerusform>%n pagos por un total de $%1; %2 descuadrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not posted: %1</source>
        <translation>No contabilizado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Posted: %n work item(s) raised.</source>
        <translation>
            <numerusform>Contabilizado: se creó %n elemento de trabajo.</numerusform>
            <numerusform>Contabilizado: se crearon %n elementos de trabajo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>Posting…</source>
        <translation>Contabilizando…</translation>
    </message>
</context>
<context>
    <name>rcm::ui::ReportDialog</name>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>All payers</source>
        <translation>Todos los pagadores</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Todos los centros</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Libro de Excel (XLSX)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Informe:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To (as of):</source>
        <translation>&amp;Hasta (a fecha de):</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Pagador:</translation>
    </message>
    <message>
        <source>F&amp;acility:</source>
        <translation>C&amp;entro:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormato:</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>The period&apos;s first day is after its last.</source>
        <translation>El primer día del periodo es posterior al último.</translation>
    </message>
    <message>
        <source>Computing %1…</source>
        <translation>Calculando %1…</translation>
    </message>
    <message>
        <source>%1 is computed by the gateway: sign in first.</source>
        <translation>%1 lo calcula la pasarela: inicie sesión primero.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.
SHA-256 %2</source>
        <translation>
            <numerusform>%n fila guardada en %1.
SHA-256 %2</numerusform>
            <numerusform>%n filas guardadas en %1.
SHA-256 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Not kept for registration: %1</source>
        <translation>No se guardó para registrarlo: %1</translation>
    </message>
    <message>
        <source>nobody is signed in, so no one can be named as its exporter</source>
        <translation>no hay nadie con la sesión iniciada, así que nadie puede figurar como quien lo exportó</translation>
    </message>
</context>
<context>
    <name>rcm::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>A new cache location and language take effect when the workbench starts again.</source>
        <translation>Una nueva ubicación de la caché y el idioma se aplican al volver a iniciar el programa.</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Lock after idle:</source>
        <translation>Bloquear tras inactividad:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Each person&apos;s cache is a file of its own in this folder, readable by them only</source>
        <translation>La caché de cada persona es un archivo propio en esta carpeta, que solo ella puede leer</translation>
    </message>
    <message>
        <source>Cache folder:</source>
        <translation>Carpeta de cachés:</translation>
    </message>
    <message numerus="yes">
        <source>Your organisation allows at most %n minute(s).</source>
        <translation>
            <numerusform>Su organización permite como máximo %n minuto.</numerusform>
            <numerusform>Su organización permite como máximo %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation>Carpeta de cachés</translation>
    </message>
</context>
<context>
    <name>rcm::ui::SignInPage</name>
    <message>
        <source>Only for your organisation&apos;s own CA</source>
        <translation>Solo para la CA propia de su organización</translation>
    </message>
    <message>
        <source>A PEM file of the certificate authority that issued the gateway&apos;s certificate, trusted beside the system&apos;s</source>
        <translation>Un archivo PEM de la autoridad de certificación que emitió el certificado de la pasarela, de confianza junto a las del sistema</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Archivo de certificado de la CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation>Archivo de certificado de la &amp;CA:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Iniciar sesión como otra persona</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in&lt;/h2&gt;&lt;p&gt;Your own work opens for you; the work of the person before you stays theirs.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Iniciar sesión&lt;/h2&gt;&lt;p&gt;Se abre su propio trabajo; el de la persona anterior sigue siendo suyo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sign in to RCM Workbench&lt;/h2&gt;&lt;p&gt;Your work queues open once you have signed in.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Iniciar sesión en RCM Workbench&lt;/h2&gt;&lt;p&gt;Sus colas de trabajo se abren cuando haya iniciado sesión.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;&lt;p&gt;The workbench is locked and hides all patient data. %1, enter your password to continue where you left off.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bloqueado&lt;/h2&gt;&lt;p&gt;El puesto está bloqueado y oculta todos los datos de pacientes. %1, escriba su contraseña para seguir donde lo dejó.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
</context>
<context>
    <name>rcm::itemmodels::WorkQueueModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Reclamación</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Service date</source>
        <translation>Fecha de servicio</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Filing deadline</source>
        <translation>Plazo de presentación</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The local cache cannot be opened.

%1</source>
        <translation>No se puede abrir la caché local.

%1</translation>
    </message>
</context>
<context>
    <name>rcm::itemmodels</name>
    <message>
        <source>Denials</source>
        <translation>Denegaciones</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Autorizaciones</translation>
    </message>
    <message>
        <source>Remittance exceptions</source>
        <translation>Excepciones de remesas</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Pending payer</source>
        <translation>Pendiente del pagador</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalado</translation>
    </message>
    <message>
        <source>Write-off requested</source>
        <translation>Castigo solicitado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Elegibilidad</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation>Presentación en plazo</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Medical necessity</source>
        <translation>Necesidad médica</translation>
    </message>
    <message>
        <source>Coordination of benefits</source>
        <translation>Coordinación de beneficios</translation>
    </message>
    <message>
        <source>Underpayment</source>
        <translation>Pago insuficiente</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Any age</source>
        <translation>Cualquier antigüedad</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 días</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 días</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 días</translation>
    </message>
    <message>
        <source>91–120 days</source>
        <translation>91–120 días</translation>
    </message>
    <message>
        <source>Over 120 days</source>
        <translation>Más de 120 días</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>Cualquier plazo</translation>
    </message>
    <message>
        <source>Deadline passed</source>
        <translation>Plazo vencido</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Vence en 7 días o menos</translation>
    </message>
    <message>
        <source>Due in 8–14 days</source>
        <translation>Vence en 8–14 días</translation>
    </message>
    <message>
        <source>Due in 15–30 days</source>
        <translation>Vence en 15–30 días</translation>
    </message>
    <message>
        <source>Unmatched claim</source>
        <translation>Reclamación sin coincidencia</translation>
    </message>
    <message>
        <source>Unmatched line</source>
        <translation>Línea sin coincidencia</translation>
    </message>
    <message>
        <source>Recoupment (PLB)</source>
        <translation>Recuperación (PLB)</translation>
    </message>
    <message>
        <source>Unknown reason code</source>
        <translation>Código de motivo desconocido</translation>
    </message>
    <message>
        <source>Reversal without payment</source>
        <translation>Reversión sin pago</translation>
    </message>
    <message>
        <source>Paid below expected</source>
        <translation>Pagado por debajo de lo esperado</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Held: out of balance</source>
        <translation>Retenido: descuadrado</translation>
    </message>
    <message>
        <source>Credit balance (overpaid)</source>
        <translation>Saldo a favor (pago en exceso)</translation>
    </message>
    <message>
        <source>Payer not on claim</source>
        <translation>Pagador ajeno a la reclamación</translation>
    </message>
    <message>
        <source>Not the payer&apos;s claim</source>
        <translation>Reclamación ajena al pagador</translation>
    </message>
    <message>
        <source>Interest mismatch</source>
        <translation>Intereses no coinciden</translation>
    </message>
    <message>
        <source>Claim rejections</source>
        <translation>Reclamaciones rechazadas</translation>
    </message>
</context>
<context>
    <name>rcm::reportrender</name>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>%1   ·   data as of %2</source>
        <translation>%1   ·   datos a %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Open work by age and queue</source>
        <translation>Trabajo abierto por antigüedad y cola</translation>
    </message>
    <message>
        <source>Open items</source>
        <translation>Elementos abiertos</translation>
    </message>
    <message>
        <source>0–30 days</source>
        <translation>0–30 días</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 días</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 días</translation>
    </message>
    <message>
        <source>91–120 days</source>
        <translation>91–120 días</translation>
    </message>
    <message>
        <source>Over 120 days</source>
        <translation>Más de 120 días</translation>
    </message>
    <message>
        <source>%1, %2: %3 items, %4</source>
        <translation>%1, %2: %3 elementos, %4</translation>
    </message>
    <message>
        <source>Deadlines ahead</source>
        <translation>Próximos plazos</translation>
    </message>
    <message>
        <source>Within 7 days</source>
        <translation>En 7 días</translation>
    </message>
    <message>
        <source>In 8–14 days</source>
        <translation>En 8–14 días</translation>
    </message>
    <message>
        <source>In 15–30 days</source>
        <translation>En 15–30 días</translation>
    </message>
    <message>
        <source>Items due</source>
        <translation>Elementos que vencen</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 at risk</source>
        <translation>%1: %2 elementos, %3 en riesgo</translation>
    </message>
    <message>
        <source>Denials by payer and family</source>
        <translation>Denegaciones por pagador y familia</translation>
    </message>
    <message>
        <source>Denials</source>
        <translation>Denegaciones</translation>
    </message>
    <message>
        <source>%1, %2: %3 denials, %4 denied</source>
        <translation>%1, %2: %3 denegaciones, %4 denegado</translation>
    </message>
    <message>
        <source>Productivity by person</source>
        <translation>Productividad por persona</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <source>%1: %2 actions, %3 items resolved, %4 resolved</source>
        <translation>%1: %2 acciones, %3 elementos resueltos, %4 resuelto</translation>
    </message>
    <message>
        <source>Remittance exceptions by kind</source>
        <translation>Excepciones de remesas por tipo</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Excepciones</translation>
    </message>
    <message>
        <source>%1: %2 exceptions, %3</source>
        <translation>%1: %2 excepciones, %3</translation>
    </message>
    <message>
        <source>Open dollars over time</source>
        <translation>Dólares abiertos en el tiempo</translation>
    </message>
    <message>
        <source>Thousands of dollars</source>
        <translation>Miles de dólares</translation>
    </message>
    <message>
        <source>Open dollars</source>
        <translation>Dólares abiertos</translation>
    </message>
    <message>
        <source>%1: %2 open</source>
        <translation>%1: %2 abierto</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Data as of %1   ·   Generated %2</source>
        <translation>Datos a %1   ·   Generado %2</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>Date basis: %1</source>
        <translation>Base de fechas: %1</translation>
    </message>
    <message>
        <source>No rows for these parameters.</source>
        <translation>No hay filas para estos parámetros.</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definiciones</translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation>Norma: %1</translation>
    </message>
    <message>
        <source>A PDF needs a QGuiApplication (the offscreen platform will do)</source>
        <translation>Un PDF necesita una QGuiApplication (basta la plataforma offscreen)</translation>
    </message>
    <message>
        <source>Cannot start the PDF</source>
        <translation>No se puede iniciar el PDF</translation>
    </message>
    <message>
        <source>Cannot finish the PDF</source>
        <translation>No se puede terminar el PDF</translation>
    </message>
</context>
<context>
    <name>rcm::ui</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message numerus="yes">
        <source>passed %n day(s) ago</source>
        <translation>
            <numerusform>vencido hace %n día</numerusform>
            <numerusform>vencido hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Claim and account</source>
        <translation>Reclamación y cuenta</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Pagador</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Service dates</source>
        <translation>Fechas de servicio</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>Importes</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Facturado</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>En riesgo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Plazos</translation>
    </message>
    <message>
        <source>Timely filing</source>
        <translation>Presentación en plazo</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Apelación</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>not in the reason-code catalogue</source>
        <translation>no está en el catálogo de códigos de motivo</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Aún no hay nada registrado.</translation>
    </message>
    <message>
        <source>Remittances</source>
        <translation>Remesas</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>reversión</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denegada</translation>
    </message>
    <message>
        <source>processed (%1)</source>
        <translation>procesada (%1)</translation>
    </message>
    <message>
        <source>charge %1, paid %2, patient %3</source>
        <translation>cargo %1, pagado %2, paciente %3</translation>
    </message>
    <message>
        <source>paid as primary</source>
        <translation>pagada como primaria</translation>
    </message>
    <message>
        <source>paid as secondary</source>
        <translation>pagada como secundaria</translation>
    </message>
    <message>
        <source>paid as tertiary</source>
        <translation>pagada como terciaria</translation>
    </message>
    <message>
        <source>later reversed</source>
        <translation>revertida después</translation>
    </message>
    <message>
        <source>Closed at its source.</source>
        <translation>Cerrado en su origen.</translation>
    </message>
</context>
<context>
    <name>rcm::ui::ExportRegistration</name>
    <message>
        <source>Offline: the gateway registers this file at the next sync.</source>
        <translation>Sin conexión: la pasarela registra este archivo en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Not registered with the gateway: &apos;rcmctl report verify&apos; will not know this file.</source>
        <translation>No registrado en la pasarela: &apos;rcmctl report verify&apos; no conocerá este archivo.</translation>
    </message>
    <message>
        <source>The gateway did not answer (%1): it registers this file at the next sync.</source>
        <translation>La pasarela no respondió (%1): registra este archivo en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Not registered with the gateway: %1</source>
        <translation>No registrado en la pasarela: %1</translation>
    </message>
    <message>
        <source>The gateway refused to register this file: %1</source>
        <translation>La pasarela se negó a registrar este archivo: %1</translation>
    </message>
    <message>
        <source>Registered with the gateway.</source>
        <translation>Registrado en la pasarela.</translation>
    </message>
</context>
</TS>
