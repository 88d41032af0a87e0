// Progressive enhancement: moves the rebuild's progress bar every second until the job ends.
// Without JavaScript the page shows where it stood when loaded, and a link to look again.
const box = document.querySelector('[data-rebuild-progress]');
if (box && box.dataset.finished !== 'true') {
  const bar = box.querySelector('progress');
  const update = async () => {
    const answer = await fetch(box.dataset.rebuildProgress, { headers: { accept: 'application/json' } });
    if (!answer.ok) return;
    const rebuild = await answer.json();
    bar.value = rebuild.percent;
    bar.textContent = `${rebuild.percent}%`;
    box.querySelector('[data-percent]').textContent = String(rebuild.percent);
    box.querySelector('[data-state]').textContent = rebuild.stateText;
    if (!rebuild.finished) setTimeout(update, 1000);
  };
  setTimeout(update, 1000);
}
